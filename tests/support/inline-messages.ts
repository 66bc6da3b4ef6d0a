/**
 * Messages a person reads written in the code's own words instead of the catalogue's
 * (common/contract/messages.std.ts, #25), read from the source with TypeScript's parser:
 *  - an error that reaches the page (ContractError, ImportError, PackError) made with words
 *    (`new ContractError('NOT_FOUND', 'This bookmark no longer exists.')`) rather than from a
 *    message id (`ContractError.fromCatalogue('NOT_FOUND', 'bookmarks.gone')`);
 *  - words given as the `message`, `error` or `hint` of an object main sends (an envelope's error,
 *    an import job's error).
 * Words are two words of letters in a string's own text (a template's fixed parts): a code
 * ('NOT_FOUND'), a message id ('bookmarks.gone') or a name with a value (`Valise ${version}`) are not.
 * The renderer's errors pass their words through t() (renderer/src/i18n/), which is a call, not words.
 * Used by tests/unit/inline-messages.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
/** Where messages that reach a person are made: main's processes, the shared code, the page. */
const SCANNED = ['main', 'common', join('renderer', 'src')];
/** The catalogue itself holds the words. */
const CATALOGUE = join('common', 'messages.std.ts');
const ERROR_CLASSES = new Set(['ContractError', 'ImportError', 'PackError']);
const SENT_PROPERTIES = new Set(['message', 'error', 'hint']);
const WORDS = /\p{L}+[\s\u00a0]+\p{L}+/u;

/** The fixed text of an expression that can evaluate to a string written here, or null if none is. */
function writtenText(node: ts.Expression): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  if (ts.isParenthesizedExpression(node)) return writtenText(node.expression);
  if (ts.isConditionalExpression(node))
    return [writtenText(node.whenTrue), writtenText(node.whenFalse)].filter((t) => t !== null).join(' ') || null;
  if (
    ts.isBinaryExpression(node) &&
    [ts.SyntaxKind.PlusToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(
      node.operatorToken.kind,
    )
  ) {
    return [writtenText(node.left), writtenText(node.right)].filter((t) => t !== null).join(' ') || null;
  }
  return null;
}

const isWords = (node: ts.Expression | undefined): boolean => {
  const text = node && writtenText(node);
  return text !== null && text !== undefined && WORDS.test(text);
};

/** Each message written inline in one file, as `file:line: the code`. */
export function inlineMessages(file: string, text: string): string[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const report = (node: ts.Node) =>
    found.push(
      `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().slice(0, 120)}`,
    );
  const visit = (node: ts.Node) => {
    if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      ERROR_CLASSES.has(node.expression.text) &&
      (node.arguments ?? []).some(isWords)
    )
      report(node);
    if (
      ts.isPropertyAssignment(node) &&
      ts.isIdentifier(node.name) &&
      SENT_PROPERTIES.has(node.name.text) &&
      isWords(node.initializer)
    )
      report(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every message written inline in the product's source. */
export function scanSources(): { files: number; found: string[] } {
  const files = SCANNED.flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.tsx?$/.test(name))
      .map((name) => join(dir, name)),
  ).filter((file) => file !== CATALOGUE);
  const found = files.flatMap((file) =>
    inlineMessages(relative(ROOT, join(ROOT, file)), readFileSync(join(ROOT, file), 'utf8')),
  );
  return { files: files.length, found };
}
