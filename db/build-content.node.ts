/**
 * `npm run build:db`: builds the content database from the newsletter text in assets/.
 * Every issue is read and extracted before anything is written; the first bad file stops the
 * build with its name and reason, and the existing database stays as it was.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entitiesOf } from './pipeline/entities/extract-entities.std';
import { extractIssue, ExtractionError, type ExtractedIssue } from './pipeline/extract-issue.std';
import { Overlay, overlayRefusal } from './pipeline/overlay.std';
import { buildSearchShards } from './search/search-build.std';
import { readSource } from './pipeline/source/source.node';
import { writeContentDatabase } from './write-content.node';

export const DEFAULT_SOURCE_DIR = 'assets/newsletters';
export const DEFAULT_CONTENT_DB = 'out/content/content.sqlite';

export function readOverlay(textFile: string): Overlay {
  const file = textFile.replace(/\.txt$/, '.overlay.json');
  if (!existsSync(file)) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = Overlay.safeParse(json);
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export function extractDirectory(sourceDir: string, log: (line: string) => void = () => {}): ExtractedIssue[] {
  const files = readdirSync(sourceDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  if (files.length === 0) throw new Error(`${sourceDir}: no newsletter text files (*.txt) found`);
  return files.map((name) => {
    const path = join(sourceDir, name);
    const source = readSource(path);
    const overlay = readOverlay(path);
    // The overlay states facts and never adds words: its organisations and title come from the text.
    const refusal = overlayRefusal(source.text, overlay);
    if (refusal) throw new ExtractionError(name, `overlay: ${refusal}`);
    const { issue, report } = extractIssue(source, overlay);
    log(`${name}: ${issue.key}`);
    for (const line of report.found) log(`  found    ${line}`);
    for (const line of report.overlaid) log(`  overlay  ${line}`);
    if (report.overlaid.length === 0) log('  overlay  (nothing changed)');
    return issue;
  });
}

/** Kept here for the callers of the build; extract-entities.std.ts holds it, free of the index builder's Lunr. */
export { entitiesOf };

export function buildContent(
  sourceDir: string,
  target: string,
  log: (line: string) => void = () => {},
): ExtractedIssue[] {
  const issues = extractDirectory(sourceDir, log);
  const entities = entitiesOf(issues);
  const counts = new Map<string, number>();
  for (const e of entities) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  log(`entities: ${[...counts].map(([type, n]) => `${n} ${type}`).join(', ')}`);
  const shards = buildSearchShards(issues, entities);
  log(`search index: ${shards.length} shards, ${shards.reduce((n, s) => n + s.docs.length, 0)} documents`);
  writeContentDatabase(target, issues, entities, shards);
  log(`wrote ${target}`);
  return issues;
}

if (process.argv[1] && /build-content\.node\.[tj]s$/.test(process.argv[1])) {
  const [sourceDir = DEFAULT_SOURCE_DIR, target = process.env.VALISE_CONTENT_DB ?? DEFAULT_CONTENT_DB] =
    process.argv.slice(2);
  try {
    buildContent(sourceDir, target, (line) => console.log(line));
  } catch (error) {
    console.error(`build:db failed: ${(error as Error).message}`);
    console.error('The existing content database was left as it was.');
    process.exit(1);
  }
}
