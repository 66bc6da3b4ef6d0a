/** Slugs for stable keys: accents folded, ASCII letters and digits, words joined by `-`. */
export function slugify(text: string, maxWords = 8): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, maxWords);
  return words.join('-') || 'untitled';
}

/** Hands out slugs unique within one scope, suffixing repeats with -2, -3… in order of arrival. */
export function uniqueSlugger(): (slug: string) => string {
  const seen = new Map<string, number>();
  return (slug) => {
    const count = (seen.get(slug) ?? 0) + 1;
    seen.set(slug, count);
    return count === 1 ? slug : `${slug}-${count}`;
  };
}

/** Cyrillic (Russian, Serbian, Macedonian, Ukrainian, Bulgarian) and Greek letters in Latin, lower case. */
const TRANSLITERATION: Record<string, string> = Object.fromEntries(
  [
    'а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f',
    'х:kh ц:ts ч:ch ш:sh щ:shch ъ: ы:y ь: э:e ю:yu я:ya ђ:dj ј:j љ:lj њ:nj ћ:c џ:dz ѓ:gj ќ:kj',
    'ѕ:dz є:ye і:i ї:yi ґ:g α:a β:v γ:g δ:d ε:e ζ:z η:i θ:th ι:i κ:k λ:l μ:m ν:n ξ:x ο:o π:p',
    'ρ:r σ:s ς:s τ:t υ:y φ:f χ:ch ψ:ps ω:o',
  ]
    .join(' ')
    .split(' ')
    .map((pair) => pair.split(':')),
);

/** Cyrillic and Greek letters written in Latin ("ЦЗЖТЉ" → "tszzhtlj"); every other character kept. */
export function transliterate(text: string): string {
  return [...text.toLowerCase()]
    .map((c) => TRANSLITERATION[c] ?? TRANSLITERATION[c.normalize('NFD').replace(/\p{M}/gu, '')] ?? c)
    .join('');
}

/**
 * A name as compared for sameness: its words in any alphabet, folded ("Anti Trafficking Unit" is
 * "Anti-Trafficking Unit"); empty for a name of no letter or digit.
 */
export const sameNameKey = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join('-');

/** FNV-1a over the UTF-16 units, eight hex digits: short and stable across releases. */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/**
 * An entity's slug (a person's, an organisation's): Cyrillic and Greek written in Latin first, so a
 * body named in another alphabet has a key of its own ("Центар за заштиту…" → "tsentar-za-zashtitu…")
 * where the slug kept only Latin letters and every such name was "untitled"; a name in any other
 * alphabet (Arabic, Chinese…) takes a digest of its words ("name-1a2b3c4d"). A Latin name's slug is
 * slugify's, unchanged: the keys already given do not move.
 */
export function entitySlug(text: string, maxWords = 8): string {
  const slug = slugify(transliterate(text), maxWords);
  const words = sameNameKey(text);
  return slug === 'untitled' && words ? `name-${digest(words)}` : slug;
}
