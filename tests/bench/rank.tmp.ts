import { openContentDatabase } from '../../main/services/content.node';
import { contentSearch } from '../../main/services/search.node';
import { contentDb } from '../support/content';
import { readFileSync } from 'node:fs';
const file = process.argv[2] ?? 'tests/bench/queries/labelled.json';
const cat = process.argv[3];
const search = contentSearch(openContentDatabase(contentDb()));
const qs = (JSON.parse(readFileSync(file, 'utf8')) as { queries: { query: string; category: string; answers: string[]; typing?: boolean }[] }).queries;
for (const q of qs) {
  if (cat && !q.category.includes(cat)) continue;
  const r = search.search({ query: q.query, typing: q.typing ?? false, limit: 20 });
  const first = r.hits.findIndex((h) => q.answers.some((a) => h.key === a || h.section === a));
  const found = q.answers.filter((a) => r.hits.slice(0, 5).some((h) => h.key === a || h.section === a)).length;
  const recall = q.answers.length ? found / Math.min(5, q.answers.length) : (r.hits.length === 0 || r.hintId ? 1 : 0);
  if (first !== 0 || recall < 1) console.log(`${q.category} | ${q.query} | rank ${first + 1} | recall ${recall.toFixed(2)} | top: ${r.hits.slice(0, 3).map((h) => h.key.slice(0, 60)).join(' ; ')} | ${r.hintId ?? ''}`);
}
