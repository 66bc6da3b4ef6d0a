/**
 * A printed running header that fits its margin box: the whole title when it fits, otherwise as
 * many whole words as fit followed by an ellipsis. Never a word cut in the middle ("…in sout").
 */

const ELLIPSIS = '…';
/** Punctuation that reads badly just before an ellipsis ("Europe,…"). */
const TRAILING = /[\s,;:.–—-]+$/u;

/**
 * `width(text)` measures a candidate in the header's font; `max` is the room in the same unit.
 * A first word too long for the room on its own is the one case cut inside a word.
 */
export function fitRunningHeader(title: string, max: number, width: (text: string) => number): string {
  const text = title.replace(/\s+/g, ' ').trim();
  if (width(text) <= max) return text;
  const words = text.split(' ');
  let fitted = '';
  for (let count = 1; count <= words.length; count++) {
    const candidate = words.slice(0, count).join(' ').replace(TRAILING, '');
    if (width(candidate + ELLIPSIS) > max) break;
    fitted = candidate;
  }
  if (fitted) return fitted + ELLIPSIS;
  let chars = words[0]!;
  while (chars.length > 1 && width(chars + ELLIPSIS) > max) chars = chars.slice(0, -1);
  return chars + ELLIPSIS;
}
