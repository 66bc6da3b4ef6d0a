import { openContentDatabase } from '../../main/services/content.node';
import { contentSearch } from '../../main/services/search.node';
import { contentDb } from '../support/content';
const search = contentSearch(openContentDatabase(contentDb()));
const queries = process.argv.slice(2);
for (const q of queries) {
  const r = search.search({ query: q, typing: false, limit: 10 });
  console.log(`\n## ${q}  (total ${r.total}) ${r.hint ?? ''}`);
  r.hits.slice(0, 6).forEach((h, i) => {
    const marks = h.highlights.map(([s, e]) => h.snippet.slice(s, e)).join(',');
    console.log(`  ${i + 1}. ${h.type} ${h.key.slice(0, 70)} [${marks}] ${h.loose ? JSON.stringify(h.loose) : ''}`);
  });
}
