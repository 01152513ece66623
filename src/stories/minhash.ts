/** MinHash signatures over word shingles, and LSH banding to find candidate near-duplicates fast. */

/** Hash functions per signature: 64 gives a Jaccard estimate within about ±0.06 (1/√64 standard error, halved by the mean). */
export const NUM_HASHES = 64;
/** 16 bands of 4 rows: pairs with Jaccard ≥ about 0.5 ((1/16)^(1/4)) very likely share a band. */
export const LSH_BANDS = 16;
export const LSH_ROWS = NUM_HASHES / LSH_BANDS;
/** Words per shingle: three keeps shared phrases, not shared vocabulary. */
export const SHINGLE_WORDS = 3;

/** Fixed seeds, so signatures stored yesterday compare with signatures made today. */
const SEEDS: readonly number[] = (() => {
  const seeds: number[] = [];
  let x = 0x9e3779b9;
  for (let i = 0; i < NUM_HASHES; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    seeds.push(x);
  }
  return seeds;
})();

/** 32-bit FNV-1a of a string. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finaliser: a cheap, well-mixed permutation of 32-bit values. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Lower-case words of a text (letters and digits, any script, diacritics removed). */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Hashes of the text's word shingles (a set). */
export function shingles(text: string, size: number = SHINGLE_WORDS): Set<number> {
  const tokens = words(text);
  const out = new Set<number>();
  if (tokens.length < size) {
    if (tokens.length > 0) out.add(fnv1a(tokens.join(' ')));
    return out;
  }
  for (let i = 0; i + size <= tokens.length; i++) out.add(fnv1a(tokens.slice(i, i + size).join(' ')));
  return out;
}

/** The MinHash signature of a shingle set: per hash function, the smallest permuted value. */
export function minhash(set: Iterable<number>): number[] {
  const signature = new Array<number>(NUM_HASHES).fill(0xffffffff);
  for (const value of set) {
    for (let i = 0; i < NUM_HASHES; i++) {
      const h = mix(value ^ SEEDS[i]!);
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity of the sets behind two signatures. */
export function estimateJaccard(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++;
  return same / NUM_HASHES;
}

/** The LSH bucket keys of a signature, one per band. */
export function bandKeys(signature: readonly number[]): string[] {
  const keys: string[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    keys.push(`${band}:${signature.slice(band * LSH_ROWS, (band + 1) * LSH_ROWS).join('.')}`);
  }
  return keys;
}

/**
 * Members a band bucket keeps. A band shared by more texts than this is one text copied many times (a
 * wire story in every paper, a template): its first members stand for the copy group, and a new copy
 * still finds them, so placing one text never costs the whole group.
 */
export const LSH_BUCKET_CAP = 64;

/** Index of signatures by LSH band: items that share any band are candidate near-duplicates. */
export class LshIndex<K> {
  readonly #buckets = new Map<string, K[]>();

  /** Adds an item and returns the items already indexed that share a band with it (at most a capped few per band). */
  add(key: K, signature: readonly number[]): Set<K> {
    const candidates = new Set<K>();
    for (const band of bandKeys(signature)) {
      const bucket = this.#buckets.get(band);
      if (bucket) {
        for (const other of bucket) candidates.add(other);
        if (bucket.length < LSH_BUCKET_CAP) bucket.push(key);
      } else this.#buckets.set(band, [key]);
    }
    candidates.delete(key);
    return candidates;
  }
}
