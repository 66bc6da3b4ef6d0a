import { vocabularyAnalyser, VOCABULARY } from '../../db/search-vocabulary.std';
import { translations } from '../../db/search-lexicon.std';
const a = vocabularyAnalyser(VOCABULARY, () => false, translations());
for (const q of process.argv.slice(2)) console.log(q, JSON.stringify(a(q, { isEnglish: (w) => ['albania', 'minors', 'cooperation', 'judicial', 'moldova'].includes(w) }).concepts));
