/**
 * The queries whose latency the search benches time (tests/bench/search.bench.ts, and search-ab.ts
 * which compares trees on the same ones): typed as readers type, typos and names included.
 */
export const QUERIES = [
  'trafficking',
  'trafficing',
  'Wallstrom',
  'moiron braud',
  'UNODC',
  'United Nations Office on Drugs and Crime',
  'Francois Delattre',
  'child labour',
  'Sarajevo',
  'June 2018',
  'Kyoto congress',
  'victim compensation',
  'sexual exploitation',
  'Albania minors',
  'Charp',
  'migrant smuggling Balkans',
  'steering committee',
  'traite',
  'abolitionist model',
  'financial investigations',
];
