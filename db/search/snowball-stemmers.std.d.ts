/** The `snowball-stemmers` package (ISC; Snowball's stemmers ported to JavaScript) ships no types. */
declare module 'snowball-stemmers' {
  export function newStemmer(language: string): { stem(word: string): string };
  export function algorithms(): string[];
}
