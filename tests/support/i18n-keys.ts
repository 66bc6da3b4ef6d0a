/**
 * The interface strings of the renderer, read from its source with TypeScript's parser: every key
 * the page asks t() for (directly, through a helper that hands a parameter to t(), through a table
 * of labels, or as a component's `label`), keys built at run time, and text written in JSX or in a
 * read attribute outside t(). Used by tests/unit/i18n-catalogue.test.ts and tests/e2e/french.spec.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const RENDERER = join(__dirname, '..', '..', 'renderer', 'src');

/** French entries that are, rightly, their English key: the same word in both languages. */
export const SAME_IN_FRENCH = new Set([
  'Action',
  'Article',
  'Contact',
  'Contacts',
  'Contacts (.vcf)',
  'Date',
  'Note',
  'Organisation',
  'Organisations',
  'Orientation',
  'Page',
  'page {{page}}',
  'Passage',
  'Passages',
  'Portrait',
  'Type',
  'Question',
  'Attribution',
  'p. {{page}}',
]);

/**
 * Texts a JSX element may hold as they are: marks, keys of the keyboard, paper sizes and names
 * (the app's, the languages' own, and the newsletter's title, which is its own words).
 */
const JSX_TEXT_ALLOWED =
  /^[\s·—–…:;,.()/|*★☆×✓←→↑↓⌘+\-#%«»“”‘’'"?!&0-9]*$|^\s*(Valise|English|Français|Ctrl|Ctrl K|Alt|Shift|Esc|PDF|JSON|iCalendar|vCard|A4|US Letter|Fight against human trafficking in South-East Europe)\s*$/u;
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'title',
  'placeholder',
  'alt',
  'aria-description',
  'aria-roledescription',
]);

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.dom\.tsx?$/.test(name) && !name.includes(`i18n${'/'}fr.dom`))
    .map((name) => join(dir, name));
}

export interface Found {
  keys: { key: string; where: string }[];
  dynamic: string[];
  jsxText: string[];
  attributes: string[];
}

/** The strings an expression can evaluate to, where they are literals (branches of ?:, ?? and ||). */
function literalsOf(node: ts.Expression): string[] | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node)) return literalsOf(node.expression);
  if (ts.isConditionalExpression(node)) {
    const a = literalsOf(node.whenTrue);
    const b = literalsOf(node.whenFalse);
    return a && b ? [...a, ...b] : null;
  }
  if (
    ts.isBinaryExpression(node) &&
    [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)
  ) {
    const b = literalsOf(node.right);
    return b;
  }
  return null;
}

/**
 * Where a table of labels (`const TYPE_LABELS = {…}`, `const FACTS = {…}`, `const SHORTCUTS = […]`)
 * holds the words it hands to t(), whatever their capitals (“UN document”, “E-mail”, “Back /
 * forward”): every value of an object's property; the last element of a row (`['place', 'Place']`,
 * the rows of a table of rows); every element of a plain list. The other strings of a row are keys.
 */
function isTableLabel(node: ts.StringLiteral): boolean {
  const parent = node.parent;
  if (ts.isPropertyAssignment(parent)) return parent.initializer === node;
  if (!ts.isArrayLiteralExpression(parent)) return false;
  // A row: an array inside an array (`[['place', 'Place'], …]`): its label is its last element.
  const isRow = ts.isArrayLiteralExpression(parent.parent);
  return isRow ? parent.elements[parent.elements.length - 1] === node : true;
}

const isTCall = (node: ts.Node): node is ts.CallExpression =>
  ts.isCallExpression(node) &&
  ((ts.isIdentifier(node.expression) && node.expression.text === 't') ||
    (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 't'));

/**
 * Helpers that hand one of their parameters to t() (`field(name, label, filterLabel, options)`):
 * their name and which arguments are keys, so that the literals passed to them are checked too.
 */
function forwarders(source: ts.SourceFile): Map<string, number[]> {
  const found = new Map<string, number[]>();
  const visit = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
    ) {
      const fn = node.initializer;
      const names = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
      const keys = new Set<number>();
      const inner = (n: ts.Node) => {
        if (isTCall(n) && n.arguments[0] && ts.isIdentifier(n.arguments[0]) && names.includes(n.arguments[0].text))
          keys.add(names.indexOf(n.arguments[0].text));
        ts.forEachChild(n, inner);
      };
      inner(fn.body);
      if (keys.size) found.set(node.name.text, [...keys]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function scan(file: string, found: Found): void {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const helpers = forwarders(source);
  const where = (node: ts.Node) =>
    `${file.slice(RENDERER.length + 1)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node, inLabelTable: boolean) => {
    if (isTCall(node)) {
      const [first] = node.arguments;
      if (first) {
        const literals = literalsOf(first);
        if (literals) for (const key of literals) found.keys.push({ key, where: where(first) });
        else if (ts.isTemplateExpression(first)) found.dynamic.push(`${where(first)}: ${first.getText()}`);
      }
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && helpers.has(node.expression.text)) {
      for (const index of helpers.get(node.expression.text)!) {
        const argument = node.arguments[index];
        const literals = argument && literalsOf(argument);
        if (literals) for (const key of literals) found.keys.push({ key, where: where(argument) });
      }
    }
    // A label table: its labels are shown through t(), whatever their capitals (see isTableLabel).
    if (inLabelTable && ts.isStringLiteral(node) && /\p{L}/u.test(node.text) && isTableLabel(node)) {
      found.keys.push({ key: node.text, where: where(node) });
    }
    if (ts.isJsxText(node) && !JSX_TEXT_ALLOWED.test(node.text) && /\p{L}/u.test(node.text))
      found.jsxText.push(`${where(node)}: “${node.text.trim()}”`);
    if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const name = node.name.getText();
      if (
        READ_ATTRIBUTES.has(name) &&
        /\p{L}/u.test(node.initializer.text) &&
        !JSX_TEXT_ALLOWED.test(node.initializer.text)
      )
        found.attributes.push(`${where(node)}: ${name}="${node.initializer.text}"`);
      // A component's `label` is shown through t() inside it (Settings' Choice, Bookmarks' field).
      if (name === 'label') found.keys.push({ key: node.initializer.text, where: where(node) });
    }
    const table =
      inLabelTable ||
      (ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        /_?LABELS$|^(FACTS|GROUPS|SHORTCUTS|KINDS|SORTS)$/.test(node.name.text));
    ts.forEachChild(node, (child) => visit(child, table));
  };
  visit(source, false);
}

/** What the renderer's source shows a person, read once. */
export function scanRenderer(): Found {
  const found: Found = { keys: [], dynamic: [], jsxText: [], attributes: [] };
  for (const file of sources(RENDERER)) scan(file, found);
  return found;
}
