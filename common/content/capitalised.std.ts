/** Text as it opens a sentence: its first letter a capital, the rest as written. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
