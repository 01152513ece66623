/**
 * The syntax model file (data/syntax-model.bin): a binary of a JSON header (relations, lemma
 * rules, dictionaries, table sizes) and the weight tables, quantised to int16 and stored sparsely.
 * Not compressed, so that loading is one read and one pass over the entries (gunzip alone took
 * longer than the load budget). Loaded lazily, once per process.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { DATA_DIR } from '../../core/context.js';
import { isWritingStartupCache, readRecord, readStartupCache, recordSections, writeStartupCache, type StartupCache } from '../../core/startup-cache.js';
import type { LemmaModel } from './lemma.js';
import { denseWeights, levelCodes, SPARSE_MAX_CLASSES, weightLevels, type LinearModel } from './perceptron.js';
import type { ParserModel } from './parser.js';
import type { TaggerModel } from './tagger.js';

/** Everything the syntax stage needs to tag, lemmatise and parse. */
export interface SyntaxModel {
  tagger: TaggerModel;
  parser: ParserModel;
  lemmas: LemmaModel;
}

export const MODEL_FILE = path.join(DATA_DIR, 'syntax-model.bin');
const MAGIC = 'WFSYNTAX1';
const MAGIC2 = 'WFSYNTAX2';

interface TableHeader {
  name: string;
  bits: number;
  classes: number;
  scale: number;
  entries: number;
  bytes: number;
}

interface Header {
  relations: string[];
  tagDictionary?: Record<string, number>;
  /** The tagger's second-pass margin, in the stored units of `tagger.first`. */
  tagMargin?: number;
  /** The parser's label dictionary as [key, relation class] pairs. */
  labelDictionary?: [number, number][];
  /** The parser's label candidates by slot. */
  labelCandidates?: number[][];
  /** The parser's beam size (absent: greedy). */
  beam?: number;
  /** The beam's pruning margin, in the stored units of `parser.transitions`. */
  beamMargin?: number;
  /** The commonest relation by candidate slot (beam states' quick labels). */
  labelPrior?: number[];
  lemmas: LemmaModel;
  tables: TableHeader[];
  /** Free-form training facts (seed, epochs, accuracy on dev) kept with the model. */
  info: Record<string, unknown>;
}

const TABLES = ['tagger.first', 'tagger.second', 'parser.transitions', 'parser.labels'] as const;

function tablesOf(model: SyntaxModel): LinearModel[] {
  return [model.tagger.first, model.tagger.second, model.parser.transitions, model.parser.labels];
}

/** Serialises a model: magic, header length, JSON header, then each table (see encodeTable). Not compressed: read as is, fast. */
export function encodeModel(model: SyntaxModel, info: Record<string, unknown> = {}): Buffer {
  const bodies: Buffer[] = [];
  const tables: TableHeader[] = tablesOf(model).map((t, i) => {
    const body = encodeTable(t);
    bodies.push(body.bytes);
    return {
      name: TABLES[i] as string,
      bits: Math.log2(t.mask + 1),
      classes: t.classes,
      scale: body.scale,
      entries: body.entries,
      bytes: body.bytes.length,
    };
  });
  const header: Header = {
    relations: [...model.parser.relations],
    tagDictionary: model.tagger.dictionary ?? {},
    ...(model.tagger.margin !== undefined && { tagMargin: model.tagger.margin / (tables[0] as TableHeader).scale }),
    labelDictionary: [...(model.parser.labelDictionary ?? new Map<number, number>())],
    labelCandidates: (model.parser.labelCandidates ?? []).map((c) => [...c]),
    ...(model.parser.beam !== undefined && model.parser.beam > 1 && { beam: model.parser.beam }),
    ...(model.parser.labelPrior && { labelPrior: [...model.parser.labelPrior] }),
    ...(model.parser.beamMargin !== undefined && { beamMargin: model.parser.beamMargin / (tables[2] as TableHeader).scale }),
    lemmas: model.lemmas,
    tables,
    info,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  // Tables start at an even offset so their int16 values can be read in place.
  const prefix = Buffer.alloc(MAGIC2.length + 4);
  prefix.write(MAGIC2, 0, 'latin1');
  prefix.writeUInt32LE(json.length, MAGIC2.length);
  const padding = Buffer.alloc(padded(prefix.length + json.length) - prefix.length - json.length);
  return Buffer.concat([prefix, json, padding, ...bodies]);
}

/** `n` rounded up to a multiple of 8. */
function padded(n: number): number {
  return (n + 7) & ~7;
}

/**
 * Quantises to int16 (scale = largest magnitude / 32767; only the argmax matters) and keeps the
 * nonzero entries: their values (int16, little-endian), then their positions as varint gaps,
 * padded to a multiple of 8 bytes.
 */
function encodeTable(t: LinearModel): { bytes: Buffer; scale: number; entries: number } {
  const weights = denseWeights(t);
  let maxAbs = 0;
  for (const v of weights) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const values: number[] = [];
  const gaps: number[] = [];
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    const q = Math.round((weights[i] as number) / scale);
    if (q === 0) continue;
    let gap = i - last - 1;
    last = i;
    while (gap >= 0x80) {
      gaps.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    gaps.push(gap);
    values.push(q);
  }
  const bytes = Buffer.alloc(padded(values.length * 2 + gaps.length));
  values.forEach((v, e) => bytes.writeInt16LE(v, e * 2));
  bytes.set(gaps, values.length * 2);
  return { bytes, scale, entries: values.length };
}

/** Reads a model from its bytes (also the older gzipped format). */
export function decodeModel(file: Buffer): SyntaxModel & { info: Record<string, unknown> } {
  const { header, tables } = decodeParts(file);
  return assemble(header, tables);
}

/** A model file's header and its tables decoded, by name. */
function decodeParts(file: Buffer): { header: Header; tables: Map<string, LinearModel> } {
  const isGzip = file[0] === 0x1f && file[1] === 0x8b;
  const bytes = isGzip ? gunzipSync(file) : file;
  const magic = bytes.toString('latin1', 0, MAGIC.length);
  if (magic !== MAGIC && magic !== MAGIC2) throw new Error('not a Watchfloor syntax model file');
  const jsonLength = bytes.readUInt32LE(MAGIC.length);
  let pos = MAGIC.length + 4;
  const header = JSON.parse(bytes.toString('utf8', pos, pos + jsonLength)) as Header;
  pos += jsonLength;
  if (magic === MAGIC2) pos = padded(pos);
  const tables = new Map<string, LinearModel>();
  for (const t of header.tables) {
    const table = magic === MAGIC2 ? decodeTable(bytes, pos, t, SPARSE_TABLES.has(t.name), CODED_TABLES.has(t.name)) : decodeTableV1(bytes, pos, t);
    tables.set(t.name, table);
    pos += t.bytes;
  }
  return { header, tables };
}

/** The model from its header and decoded tables (from the file, or from the start-up cache). */
function assemble(header: Header, tables: ReadonlyMap<string, LinearModel>): SyntaxModel & { info: Record<string, unknown> } {
  const get = (name: string): LinearModel => {
    const t = tables.get(name);
    if (!t) throw new Error(`syntax model lacks table ${name}`);
    return t;
  };
  return {
    tagger: {
      first: get('tagger.first'),
      second: get('tagger.second'),
      dictionary: header.tagDictionary ?? {},
      ...(header.tagMargin !== undefined && { margin: header.tagMargin }),
    },
    parser: {
      transitions: get('parser.transitions'),
      labels: get('parser.labels'),
      relations: header.relations,
      labelDictionary: new Map(header.labelDictionary ?? []),
      labelCandidates: (header.labelCandidates ?? []).map((c) => Int32Array.from(c)),
      ...(header.beam !== undefined && { beam: header.beam }),
      ...(header.labelPrior && { labelPrior: Int32Array.from(header.labelPrior) }),
      ...(header.beamMargin !== undefined && { beamMargin: header.beamMargin }),
    },
    lemmas: header.lemmas,
    info: header.info,
  };
}

const IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Tables held as sparse rows once loaded (see SparseRows): the tagger's and the label model's, whose
 * rows are mostly zeros. The transition table (three classes, most rows with a weight) stays dense.
 * The label table held sparse is 4 MB instead of 27 MB dense (825,000 weights of 13.4 million), and
 * memory a process touches first is what a page command's start-up pays most for; the scores are
 * the same integer sums (scoreSome reads either), so the same labels.
 */
const SPARSE_TABLES: ReadonlySet<string> = new Set(['tagger.first', 'tagger.second', 'parser.labels']);

/**
 * Tables held as one-byte codes once loaded (see CodedWeights): the transition table, dense and read
 * at 128 scattered rows per beam state and step, whose memory misses were most of the parser's time.
 */
const CODED_TABLES: ReadonlySet<string> = new Set(['parser.transitions']);

/** The code levels and the int16-to-code map, built on first use. */
let levelTables: { levels: Int32Array; codeOf: Uint8Array } | null = null;

function codeLevels(): { levels: Int32Array; codeOf: Uint8Array } {
  if (!levelTables) {
    const levels = weightLevels();
    levelTables = { levels, codeOf: levelCodes(levels) };
  }
  return levelTables;
}

function decodeTable(bytes: Buffer, start: number, t: TableHeader, isSparse: boolean, isCoded = false): LinearModel {
  const n = t.entries;
  const isHeldSparse = isSparse && t.classes <= SPARSE_MAX_CLASSES;
  const isHeldCoded = isCoded && !isHeldSparse;
  const weights = new Int16Array(isHeldSparse || isHeldCoded ? 0 : (1 << t.bits) * t.classes);
  const { levels, codeOf } = codeLevels();
  const codes = isHeldCoded ? new Uint8Array((1 << t.bits) * t.classes).fill(codeOf[32768] as number) : null;
  // sparse rows: row r's entries from rowStart[r]; one spare entry at the end (see touchSparse)
  const rowStart = new Int32Array(isHeldSparse ? (1 << t.bits) + 1 : 0);
  const entries = new Int32Array(isHeldSparse ? n + 1 : 0);
  let row = 0;
  const at = bytes.byteOffset + start;
  const values =
    IS_LITTLE_ENDIAN && at % 2 === 0
      ? new Int16Array(bytes.buffer, at, n)
      : Int16Array.from({ length: n }, (_, e) => bytes.readInt16LE(start + e * 2));
  const gaps = new Uint8Array(bytes.buffer, at + n * 2, t.bytes - n * 2);
  let pos = 0;
  let index = -1;
  for (let e = 0; e < n; e++) {
    let byte = gaps[pos++] as number;
    let gap = byte & 0x7f;
    for (let shift = 7; byte & 0x80; shift += 7) {
      byte = gaps[pos++] as number;
      gap |= (byte & 0x7f) << shift;
    }
    index += gap + 1;
    if (codes) {
      codes[index] = codeOf[(values[e] as number) + 32768] as number;
      continue;
    }
    if (!isHeldSparse) {
      weights[index] = values[e] as number;
      continue;
    }
    const r = Math.floor(index / t.classes);
    while (row < r) rowStart[++row] = e;
    entries[e] = ((values[e] as number) << 8) | (index - r * t.classes);
  }
  const mask = (1 << t.bits) - 1;
  if (codes) return { classes: t.classes, mask, weights, coded: { codes, levels } };
  if (!isHeldSparse) return { classes: t.classes, mask, weights };
  while (row <= mask) rowStart[++row] = n;
  return { classes: t.classes, mask, weights, sparse: { start: rowStart, entries } };
}

/** The first format's tables: nonzero entries as (varint gap, int16) pairs. */
function decodeTableV1(bytes: Buffer, start: number, t: TableHeader): LinearModel {
  const weights = new Int16Array((1 << t.bits) * t.classes);
  let pos = start;
  let index = -1;
  for (let e = 0; e < t.entries; e++) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[pos++] as number;
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    index += gap + 1;
    weights[index] = (bytes[pos] as number) | ((bytes[pos + 1] as number) << 8);
    pos += 2;
  }
  return { classes: t.classes, mask: (1 << t.bits) - 1, weights };
}

let loaded: SyntaxModel | null = null;

/** The model file read: WATCHFLOOR_SYNTAX_MODEL names another one (to score a trial model with the benches). */
export function syntaxModelFile(): string {
  return process.env['WATCHFLOOR_SYNTAX_MODEL'] ?? MODEL_FILE;
}

/** The model in data/syntax-model.bin, read on first use and kept for the process. */
export function syntaxModel(): SyntaxModel {
  loaded ??= loadModel(syntaxModelFile());
  return loaded;
}

/** The name of the syntax model's start-up cache (src/core/startup-cache.ts). */
const CACHE_NAME = 'syntax-model';

/** A table as the start-up cache describes it; its arrays are the cache's sections. */
interface CachedTable {
  name: string;
  classes: number;
  mask: number;
  isSparse: boolean;
  /** Held as one-byte codes (CodedWeights): the weights section holds the codes. */
  isCoded: boolean;
}

/**
 * The model from the bundle's start-up cache of this very file (see cacheSections), else decoded
 * from the file; the build's warm-up run writes the cache.
 */
function loadModel(file: string): SyntaxModel {
  const cached = readStartupCache(CACHE_NAME, [file]);
  if (cached) return fromCache(cached);
  const bytes = readFileSync(file);
  if (!isWritingStartupCache()) return decodeModel(bytes);
  const { header, tables } = decodeParts(bytes);
  try {
    const { meta, sections } = cacheSections(header, tables);
    writeStartupCache(CACHE_NAME, [file], meta, sections);
  } catch (error) {
    process.stderr.write(`start-up cache ${CACHE_NAME} not written: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  return assemble(header, tables);
}

/** Sections of the lemmatiser's two records (see recordSections): five each. */
const RECORD_SECTIONS = 5;

/**
 * The cache's sections: the header without the lemmatiser as JSON; the lemmatiser's rules and
 * exceptions as records read in place (JSON.parse of their 13,000 keys was a large part of the load);
 * then each table's arrays as decodeTable leaves them. Throws for anything it would not give back as is.
 */
function cacheSections(header: Header, tables: ReadonlyMap<string, LinearModel>): { meta: { tables: CachedTable[] }; sections: ArrayBufferView[] } {
  const { lemmas: allLemmas, ...rest } = header;
  // The known-lemma list is one string: it travels in the header's JSON, the two records on their own.
  const { words: lemmaWords, ...lemmas } = allLemmas;
  const restJson = JSON.stringify({ ...rest, ...(lemmaWords !== undefined && { lemmaWords }) });
  if (!isDeepStrictEqual(JSON.parse(restJson), { ...rest, ...(lemmaWords !== undefined && { lemmaWords }) })) throw new Error('the header does not survive JSON');
  if (!isDeepStrictEqual(Object.keys(lemmas), ['rules', 'exceptions'])) throw new Error('the lemmatiser holds more than rules, exceptions and words');
  const records = [lemmas.rules, lemmas.exceptions].map((record) => {
    if (!Object.values(record).every((v) => typeof v === 'string')) throw new Error('a lemmatiser value is not a string');
    const parts = recordSections(record);
    const back = readRecord(parts.map((p) => new Uint8Array(p.buffer, p.byteOffset, p.byteLength)));
    if (!isDeepStrictEqual(Object.keys(back), Object.keys(record)) || !Object.keys(record).every((k) => back[k] === record[k])) {
      throw new Error('the lemmatiser reads back different');
    }
    return parts;
  });
  const described: CachedTable[] = [];
  const sections: ArrayBufferView[] = [Buffer.from(restJson, 'utf8'), ...records.flat()];
  for (const [name, t] of tables) {
    if (!(t.weights instanceof Int16Array)) throw new Error(`${name} holds float weights`);
    described.push({ name, classes: t.classes, mask: t.mask, isSparse: t.sparse !== undefined, isCoded: t.coded !== undefined });
    sections.push(t.coded?.codes ?? t.weights, t.sparse?.start ?? new Int32Array(0), t.sparse?.entries ?? new Int32Array(0));
  }
  return { meta: { tables: described }, sections };
}

function fromCache(cached: StartupCache): SyntaxModel {
  const { tables: described } = cached.meta as { tables: CachedTable[] };
  const section = (i: number): Uint8Array => {
    const s = cached.sections[i];
    if (!s) throw new Error(`syntax model cache: no section ${i}`);
    return s;
  };
  const { lemmaWords, ...header } = JSON.parse(Buffer.from(section(0).buffer, section(0).byteOffset, section(0).byteLength).toString('utf8')) as Header & {
    lemmaWords?: string;
  };
  const record = (at: number): Record<string, string> => readRecord(cached.sections.slice(at, at + RECORD_SECTIONS));
  header.lemmas = { rules: record(1), exceptions: record(1 + RECORD_SECTIONS), ...(lemmaWords !== undefined && { words: lemmaWords }) };
  const first = 1 + 2 * RECORD_SECTIONS;
  const tables = new Map<string, LinearModel>();
  described.forEach((t, i) => {
    const [weights, start, entries] = [section(first + i * 3), section(first + 1 + i * 3), section(first + 2 + i * 3)];
    const table: LinearModel = t.isCoded
      ? { classes: t.classes, mask: t.mask, weights: new Int16Array(0), coded: { codes: weights, levels: codeLevels().levels } }
      : { classes: t.classes, mask: t.mask, weights: new Int16Array(weights.buffer, weights.byteOffset, weights.byteLength / 2) };
    if (t.isSparse) {
      table.sparse = {
        start: new Int32Array(start.buffer, start.byteOffset, start.byteLength / 4),
        entries: new Int32Array(entries.buffer, entries.byteOffset, entries.byteLength / 4),
      };
    }
    tables.set(t.name, table);
  });
  return assemble(header, tables);
}
