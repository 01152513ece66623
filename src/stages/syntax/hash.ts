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

/** Most features one decision builds. */
export const MAX_FEATURES = 128;

/**
 * Where feature templates put their values before hashing: template `first + k` has values
 * `a[k]`, `b[k]`, `c[k]`. Filling these and hashing them all in one loop (`hashRows`) gives the
 * same rows as calling `feature` for each, without a hundred calls per decision that the
 * compiler will not inline.
 */
export const featureValues = {
  a: new Int32Array(MAX_FEATURES),
  b: new Int32Array(MAX_FEATURES),
  c: new Int32Array(MAX_FEATURES),
};

/** `rows[k] = feature(first + k, a[k], b[k], c[k], mask)` for k below `n`, inlined. */
export function hashRows(first: number, n: number, mask: number, rows: Int32Array): void {
  const { a, b, c } = featureValues;
  for (let k = 0; k < n; k++) {
    let h = Math.imul(first + k + 1, 0x9e3779b1);
    h = Math.imul(h ^ (a[k] as number), 0x5bd1e995);
    h ^= h >>> 15;
    h = Math.imul(h, 0x27d4eb2d);
    h = Math.imul(h ^ (b[k] as number), 0x5bd1e995);
    h ^= h >>> 15;
    h = Math.imul(h, 0x27d4eb2d);
    h = Math.imul(h ^ (c[k] as number), 0x5bd1e995);
    h ^= h >>> 15;
    h = Math.imul(h, 0x27d4eb2d);
    rows[k] = (h ^ (h >>> 13)) & mask;
  }
}
