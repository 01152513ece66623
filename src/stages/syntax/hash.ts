/** Integer hashing for feature templates: strings and small ints mixed without allocating strings. */

/** FNV-1a over `text[from, to)`, ASCII letters folded to lower case when `isFolded`. */
export function hashText(text: string, from = 0, to = text.length, isFolded = false): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    let c = text.charCodeAt(i);
    if (isFolded && c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h | 0;
}

/** Mixes one more value into a hash (murmur-style finalising steps). */
export function mix(h: number, v: number): number {
  let x = Math.imul(h ^ v, 0x5bd1e995);
  x ^= x >>> 15;
  return Math.imul(x, 0x27d4eb2d) | 0;
}

/** The feature row for a template and up to three values, in a table of `mask + 1` rows. */
export function feature(template: number, a: number, b: number, c: number, mask: number): number {
  let h = mix(Math.imul(template + 1, 0x9e3779b1), a);
  h = mix(h, b);
  h = mix(h, c);
  return (h ^ (h >>> 13)) & mask;
}
