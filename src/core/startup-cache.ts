/**
 * Start-up caches of the one-file build (scripts/build-bundle.mjs): what a loader derives from a data
 * file (the syntax model's decoded tables, the entity tagger's weight table, the gazetteer's index),
 * kept in the layout the code holds it in, so that a page command reads it with one readFileSync into
 * typed-array views instead of decoding the file afresh.
 *
 * A cache is used only when all of these hold, and otherwise the loader reads its sources as before:
 * - the code is the bundle that made it: the build writes the bundle's own content hash into it
 *   (__WATCHFLOOR_BUNDLE_ID__) and into every cache; the tsc build and the TypeScript sources (tests,
 *   benches) never read a cache;
 * - the same V8 version;
 * - each source file is the one the cache was made from: the same device, inode, size, mtime and
 *   ctime as then (ctime cannot be set back, so any write since shows), or else the same SHA-256 of
 *   its bytes (a copy of the file, a checkout elsewhere).
 *
 * The build makes the caches in a warm-up run with WATCHFLOOR_WRITE_STARTUP_CACHE=1, in which the
 * loaders decode their sources as always and write what they built (they never read a cache then).
 *
 * File layout: "WFSTART1", uint32 LE header length, the JSON header, then the sections, each at an
 * offset that is a multiple of 8 so that typed arrays view them in place.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

/** Set by the bundle build to the bundle's content hash; undeclared (typeof: undefined) everywhere else. */
declare const __WATCHFLOOR_BUNDLE_ID__: string | undefined;

const BUNDLE_ID: string | null = typeof __WATCHFLOOR_BUNDLE_ID__ === 'string' ? __WATCHFLOOR_BUNDLE_ID__ : null;
const MAGIC = 'WFSTART1';

/** A source file as the cache saw it. */
interface SourceStamp {
  file: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
  sha256: string;
}

interface CacheHeader {
  bundle: string;
  v8: string;
  sources: SourceStamp[];
  /** [offset, byte length] of each section. */
  sections: [number, number][];
  meta: unknown;
}

/** What a cache holds: the loader's JSON-able facts and its byte sections (8-aligned views of one buffer). */
export interface StartupCache {
  meta: unknown;
  sections: Uint8Array[];
}

/** Where caches live and the code they belong to: beside the bundle, and its id (tests name others). */
export interface CacheStore {
  dir: string;
  bundle: string;
}

/** The bundle's store: its caches are dist/cli/quick.NAME.cache. */
function bundleStore(): CacheStore | null {
  return BUNDLE_ID === null ? null : { dir: path.dirname(fileURLToPath(import.meta.url)), bundle: BUNDLE_ID };
}

/** Whether this run makes the caches (the build's warm-up run) rather than reading them. */
export function isWritingStartupCache(): boolean {
  return BUNDLE_ID !== null && process.env['WATCHFLOOR_WRITE_STARTUP_CACHE'] === '1';
}

function cacheFile(store: CacheStore, name: string): string {
  return path.join(store.dir, `quick.${name}.cache`);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function sameStat(s: Stats, stamp: SourceStamp): boolean {
  return s.size === stamp.size && s.mtimeMs === stamp.mtimeMs && s.ctimeMs === stamp.ctimeMs && s.ino === stamp.ino && s.dev === stamp.dev;
}

/** Whether `file` is still the source the cache was made from (by its inode and times, else by its bytes; wherever it is now). */
function isSameSource(file: string, stamp: SourceStamp): boolean {
  let s: Stats;
  try {
    s = statSync(file);
  } catch {
    return false;
  }
  if (sameStat(s, stamp)) return true;
  return s.size === stamp.size && sha256(readFileSync(file)) === stamp.sha256;
}

/** `length` bytes of an open file from `position`, into `into` (at its start). */
function readAt(fd: number, into: Uint8Array, position: number): boolean {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) return false;
    done += n;
  }
  return true;
}

/**
 * The cache `name` made from `sources` (in this order), or null: outside the bundle, while the
 * build writes the caches, when there is none, or when it was made by other code or from other
 * files. The header is read and checked first; the sections only for a cache that fits.
 */
export function readStartupCache(name: string, sources: readonly string[]): StartupCache | null {
  const store = bundleStore();
  // WATCHFLOOR_NO_STARTUP_CACHE=1: decode the sources as the modules do (to compare, or to time it)
  if (!store || isWritingStartupCache() || process.env['WATCHFLOOR_NO_STARTUP_CACHE'] === '1') return null;
  return readCache(store, name, sources);
}

/** readStartupCache from a given store. */
export function readCache(store: CacheStore, name: string, sources: readonly string[]): StartupCache | null {
  let fd: number;
  try {
    fd = openSync(cacheFile(store, name), 'r');
  } catch {
    return null;
  }
  try {
    const prefix = Buffer.alloc(MAGIC.length + 4);
    if (!readAt(fd, prefix, 0) || prefix.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
    const headerBytes = Buffer.alloc(prefix.readUInt32LE(MAGIC.length));
    if (!readAt(fd, headerBytes, prefix.length)) return null;
    const header = JSON.parse(headerBytes.toString('utf8')) as CacheHeader;
    if (header.bundle !== store.bundle || header.v8 !== process.versions.v8) return null;
    if (header.sources.length !== sources.length) return null;
    for (let i = 0; i < sources.length; i++) if (!isSameSource(sources[i] as string, header.sources[i] as SourceStamp)) return null;
    // the sections, from the first one's offset to the end, into one buffer of their own (so 8-aligned)
    const first = header.sections[0]?.[0] ?? 0;
    const last = header.sections[header.sections.length - 1];
    const body = new Uint8Array((last ? last[0] + last[1] : first) - first);
    if (!readAt(fd, body, first)) return null;
    const sections = header.sections.map(([offset, length]) => new Uint8Array(body.buffer, offset - first, length));
    return { meta: header.meta, sections };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

function stampOf(file: string): SourceStamp {
  const before = statSync(file);
  const hash = sha256(readFileSync(file));
  const after = statSync(file);
  if (!sameStat(after, { ...stampFields(before), file, sha256: hash })) throw new Error(`${file} changed while the start-up cache was written`);
  return { ...stampFields(after), file: path.resolve(file), sha256: hash };
}

function stampFields(s: Stats): Omit<SourceStamp, 'file' | 'sha256'> {
  return { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino, dev: s.dev };
}

function padded(n: number): number {
  return (n + 7) & ~7;
}

/**
 * Writes the cache `name` (only in the build's warm-up run, see isWritingStartupCache): `meta` as
 * JSON, then each section's bytes. Written to a temporary file and renamed, so a reader never sees half.
 */
export function writeStartupCache(name: string, sources: readonly string[], meta: unknown, sections: readonly ArrayBufferView[]): void {
  const store = bundleStore();
  if (!store || !isWritingStartupCache()) return;
  try {
    writeCache(store, name, sources, meta, sections);
  } catch (error) {
    // the build reports the caches it finds; a missing one costs start-up time, never a result
    process.stderr.write(`start-up cache ${name} not written: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

/** writeStartupCache into a given store; throws where it cannot. */
export function writeCache(store: CacheStore, name: string, sources: readonly string[], meta: unknown, sections: readonly ArrayBufferView[]): void {
  const stamps = sources.map(stampOf);
  const place = (headerBytes: number): [number, number][] => {
    let at = padded(MAGIC.length + 4 + headerBytes);
    return sections.map((s) => {
      const spot: [number, number] = [at, s.byteLength];
      at = padded(at + s.byteLength);
      return spot;
    });
  };
  // the offsets depend on the header's length, which depends on the offsets: settle it in a few rounds
  const headerOf = (spots: [number, number][]): string =>
    JSON.stringify({ bundle: store.bundle, v8: process.versions.v8, sources: stamps, sections: spots, meta } satisfies CacheHeader);
  let offsets = place(0);
  let json = headerOf(offsets);
  for (let round = 0; !place(Buffer.byteLength(json)).every((s, i) => s[0] === (offsets[i] as [number, number])[0]); round++) {
    if (round === 8) throw new Error(`start-up cache ${name}: the header's length does not settle`);
    offsets = place(Buffer.byteLength(json));
    json = headerOf(offsets);
  }
  const headerBytes = Buffer.from(json, 'utf8');
  const last = offsets[offsets.length - 1];
  const total = last ? last[0] + last[1] : MAGIC.length + 4 + headerBytes.length;
  const out = Buffer.alloc(total);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(out, MAGIC.length + 4);
  sections.forEach((s, i) => out.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), (offsets[i] as [number, number])[0]));
  const file = cacheFile(store, name);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, out);
  renameSync(temporary, file);
}

/** The typed arrays a flat object may hold, by name. */
const VIEWS = {
  Int8Array,
  Uint8Array,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;
type ViewName = keyof typeof VIEWS;

/** How a flat object's property is kept: a JSON value, or a typed array over one of the sections. */
type FlatField = { key: string; json: unknown } | { key: string; view: ViewName; section: number; offset: number; length: number };

/**
 * A flat object (its properties typed arrays or JSON values) as cache sections and meta: each
 * ArrayBuffer once, so arrays that share one (a table read as int32 keys and as float32 weights)
 * share it again when read back. Throws for anything else (a Map, a function, a nested typed array,
 * a number JSON would not give back as it is), so that such an object is never cached wrongly.
 */
export function encodeFlat(object: object): { meta: FlatField[]; sections: ArrayBufferView[] } {
  const buffers: ArrayBufferLike[] = [];
  const fields: FlatField[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (ArrayBuffer.isView(value)) {
      const view = (Object.keys(VIEWS) as ViewName[]).find((name) => Object.getPrototypeOf(value) === VIEWS[name].prototype);
      if (!view) throw new Error(`start-up cache: ${key} is a ${value.constructor.name}`);
      let section = buffers.indexOf(value.buffer);
      if (section < 0) section = buffers.push(value.buffer) - 1;
      fields.push({ key, view, section, offset: value.byteOffset, length: (value as Uint8Array).length });
      continue;
    }
    const json: unknown = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
    if (!isDeepStrictEqual(json, value)) throw new Error(`start-up cache: ${key} does not survive JSON`);
    fields.push({ key, json: value });
  }
  return { meta: fields, sections: buffers.map((b) => new Uint8Array(b)) };
}

/** The object encodeFlat was given, from its meta and sections. */
export function decodeFlat(meta: unknown, sections: readonly Uint8Array[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of meta as FlatField[]) {
    if (!('view' in field)) {
      out[field.key] = field.json;
      continue;
    }
    const section = sections[field.section];
    if (!section) throw new Error(`start-up cache: no section ${field.section}`);
    out[field.key] = new VIEWS[field.view](section.buffer as ArrayBuffer, section.byteOffset + field.offset, field.length);
  }
  return out;
}

/** FNV-1a over a string's UTF-16 code units: the slot hash of StringTable. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A fixed set of strings, numbered 0..n-1 in the order given, looked up in place from cache sections
 * (an open-addressing table over the strings laid end to end), so that reading one costs no loop
 * over its members: where a Map would be built key by key at every start.
 */
export class StringTable {
  readonly #text: string;
  readonly #starts: Int32Array;
  readonly #slots: Int32Array;
  readonly #mask: number;

  /** The table's three sections: the strings end to end (UTF-8), where each starts (in UTF-16 units), the slots. */
  static sections(keys: readonly string[]): ArrayBufferView[] {
    let size = 1;
    while (size < keys.length * 2) size <<= 1;
    const slots = new Int32Array(size);
    const starts = new Int32Array(keys.length + 1);
    keys.forEach((key, i) => {
      starts[i + 1] = (starts[i] as number) + key.length;
      let slot = hashOf(key) & (size - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
      slots[slot] = i + 1;
    });
    const text = Buffer.from(keys.join(''), 'utf8');
    if (text.toString('utf8') !== keys.join('')) throw new Error('start-up cache: a string does not survive UTF-8');
    return [text, starts, slots];
  }

  /** The table over the three sections StringTable.sections made. */
  constructor(text: Uint8Array, starts: Uint8Array, slots: Uint8Array) {
    this.#text = Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8');
    this.#starts = new Int32Array(starts.buffer, starts.byteOffset, starts.byteLength / 4);
    this.#slots = new Int32Array(slots.buffer, slots.byteOffset, slots.byteLength / 4);
    this.#mask = this.#slots.length - 1;
  }

  /** How many strings the table holds. */
  get size(): number {
    return this.#starts.length - 1;
  }

  /** The number of `key`, or -1 when the table lacks it. */
  indexOf(key: string): number {
    const slots = this.#slots;
    for (let slot = hashOf(key) & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const i = (slots[slot] as number) - 1;
      if (i < 0) return -1;
      const start = this.#starts[i] as number;
      if ((this.#starts[i + 1] as number) - start === key.length && this.#text.startsWith(key, start)) return i;
    }
  }

  /** The string numbered `i`. */
  at(i: number): string {
    return this.#text.slice(this.#starts[i], this.#starts[i + 1]);
  }
}

/**
 * A string -> string record as five cache sections: its keys as a StringTable, then its values end
 * to end and where each starts. Read back by readRecord.
 */
export function recordSections(record: Readonly<Record<string, string>>): ArrayBufferView[] {
  const keys = Object.keys(record);
  const values = keys.map((key) => record[key] as string);
  const starts = new Int32Array(values.length + 1);
  values.forEach((v, i) => (starts[i + 1] = (starts[i] as number) + v.length));
  const text = Buffer.from(values.join(''), 'utf8');
  if (text.toString('utf8') !== values.join('')) throw new Error('start-up cache: a string does not survive UTF-8');
  return [...StringTable.sections(keys), text, starts];
}

/**
 * The record recordSections wrote, read in place: a read-only object whose properties are looked up
 * in the sections when asked for (no object of thousands of keys is built at start-up). It answers
 * reads, `in`, and key listings (Object.keys, JSON.stringify) as the record did; it takes no writes.
 */
export function readRecord(sections: readonly Uint8Array[]): Readonly<Record<string, string>> {
  const [a, b, c, text, starts] = sections;
  if (!a || !b || !c || !text || !starts) throw new Error('start-up cache: a record lacks sections');
  const keys = new StringTable(a, b, c);
  const values = Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8');
  const at = new Int32Array(starts.buffer, starts.byteOffset, starts.byteLength / 4);
  const valueOf = (key: string | symbol): string | undefined => {
    if (typeof key !== 'string') return undefined;
    const i = keys.indexOf(key);
    return i < 0 ? undefined : values.slice(at[i], at[i + 1]);
  };
  const refuse = (): boolean => {
    throw new TypeError('a record read from the start-up cache is read-only');
  };
  // an ordinary object's prototype behind it, as the record parsed from JSON had
  return new Proxy<Record<string, string>>({}, {
    get: (target, key, receiver) => valueOf(key) ?? Reflect.get(target, key, receiver) as unknown,
    has: (target, key) => valueOf(key) !== undefined || Reflect.has(target, key),
    ownKeys: () => Array.from({ length: keys.size }, (_, i) => keys.at(i)),
    getOwnPropertyDescriptor: (_target, key) => {
      const value = valueOf(key);
      return value === undefined ? undefined : { value, writable: false, enumerable: true, configurable: true };
    },
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
    setPrototypeOf: refuse,
  });
}
