/**
 * The syntax model file (data/syntax-model.bin): a gzipped binary of a JSON header (relations,
 * lemma rules, table sizes) and the weight tables, quantised to int16 and stored sparsely.
 * Loaded lazily, once per process.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import { DATA_DIR } from '../../core/context.js';
import type { LemmaModel } from './lemma.js';
import type { LinearModel } from './perceptron.js';
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
  /** The parser's label dictionary as [key, relation class] pairs. */
  labelDictionary?: [number, number][];
  lemmas: LemmaModel;
  tables: TableHeader[];
  /** Free-form training facts (seed, epochs, accuracy on dev) kept with the model. */
  info: Record<string, unknown>;
}

const TABLES = ['tagger.first', 'tagger.second', 'parser.transitions', 'parser.labels'] as const;

function tablesOf(model: SyntaxModel): LinearModel[] {
  return [model.tagger.first, model.tagger.second, model.parser.transitions, model.parser.labels];
}

/** Serialises a model (gzipped bytes). */
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
  const header: Header = { relations: [...model.parser.relations], tagDictionary: model.tagger.dictionary ?? {},
    labelDictionary: [...(model.parser.labelDictionary ?? new Map<number, number>())],
    lemmas: model.lemmas,
    tables,
    info,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(MAGIC.length + 4);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(json.length, MAGIC.length);
  return gzipSync(Buffer.concat([prefix, json, ...bodies]), { level: 9 });
}

/** Quantises to int16 (scale = largest magnitude / 32767) and keeps nonzero entries: varint gap, int16. */
function encodeTable(t: LinearModel): { bytes: Buffer; scale: number; entries: number } {
  let maxAbs = 0;
  for (const v of t.weights) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const out = Buffer.alloc(t.weights.length * 2 + 1024);
  let pos = 0;
  let last = -1;
  let entries = 0;
  for (let i = 0; i < t.weights.length; i++) {
    const q = Math.round((t.weights[i] as number) / scale);
    if (q === 0) continue;
    let gap = i - last - 1;
    last = i;
    while (gap >= 0x80) {
      out[pos++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    out[pos++] = gap;
    pos = out.writeInt16LE(q, pos);
    entries++;
    if (pos > out.length - 16) throw new Error('syntax model table does not fit its buffer');
  }
  return { bytes: out.subarray(0, pos), scale, entries };
}

/** Reads a model from gzipped bytes. */
export function decodeModel(gz: Buffer): SyntaxModel & { info: Record<string, unknown> } {
  const bytes = gunzipSync(gz);
  if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a Watchfloor syntax model file');
  const jsonLength = bytes.readUInt32LE(MAGIC.length);
  let pos = MAGIC.length + 4;
  const header = JSON.parse(bytes.toString('utf8', pos, pos + jsonLength)) as Header;
  pos += jsonLength;
  const tables = new Map<string, LinearModel>();
  for (const t of header.tables) {
    tables.set(t.name, decodeTable(bytes, pos, t));
    pos += t.bytes;
  }
  const get = (name: string): LinearModel => {
    const t = tables.get(name);
    if (!t) throw new Error(`syntax model lacks table ${name}`);
    return t;
  };
  return {
    tagger: { first: get('tagger.first'), second: get('tagger.second'), dictionary: header.tagDictionary ?? {} },
    parser: {
      transitions: get('parser.transitions'),
      labels: get('parser.labels'),
      relations: header.relations,
      labelDictionary: new Map(header.labelDictionary ?? []),
    },
    lemmas: header.lemmas,
    info: header.info,
  };
}

function decodeTable(bytes: Buffer, start: number, t: TableHeader): LinearModel {
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

/** The model in data/syntax-model.bin, read on first use and kept for the process. */
export function syntaxModel(): SyntaxModel {
  loaded ??= decodeModel(readFileSync(MODEL_FILE));
  return loaded;
}
