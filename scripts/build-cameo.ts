/**
 * Builds data/cameo.json from ../shared/reference/cameo-codes.tsv: every CAMEO code with its
 * Goldstein weight (facts), its QuadClass (from the root) and our PLOVER type, mode and context.
 * Run: npx tsx scripts/build-cameo.ts  (reads ../shared at build time; the output is committed).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CameoEntry } from '../src/stages/events/codebook.js';

/** PLOVER type by CAMEO root, before the sub-code exceptions below. 01 (statements) has none in PLOVER. */
const PLOVER_BY_ROOT: Record<string, string | null> = {
  '01': null, '02': 'REQUEST', '03': 'AGREE', '04': 'CONSULT', '05': 'SUPPORT', '06': 'COOPERATE',
  '07': 'AID', '08': 'CONCEDE', '09': 'ACCUSE', '10': 'REQUEST', '11': 'ACCUSE', '12': 'REJECT',
  '13': 'THREATEN', '14': 'PROTEST', '15': 'MOBILIZE', '16': 'SANCTION', '17': 'COERCE',
  '18': 'ASSAULT', '19': 'ASSAULT', '20': 'ASSAULT',
};

/**
 * Sub-codes whose PLOVER type, mode or context differ from their root's. Checked against the
 * PLOVER gold records (eval/plover-gsr): "expressed accord" and a signed treaty agree, a
 * withdrawal or ceasefire retreats, returning and allowing observers in retreat, 09 and 11 accuse.
 */
const SUB_CODES: Record<string, { plover?: string | null; mode?: string; context?: string }> = {
  '016': { plover: 'SUPPORT' },
  '018': { plover: 'AGREE' },
  '019': { plover: 'AGREE' },
  '0214': { context: 'intelligence' },
  '0232': { context: 'military' },
  '0233': { context: 'humanitarian' },
  '0234': { context: 'military' },
  '0256': { plover: 'REQUEST', context: 'military' },
  '036': { plover: 'AGREE', mode: 'meet' },
  '041': { mode: 'phone' },
  '042': { mode: 'visit' },
  '043': { mode: 'host' },
  '044': { mode: 'third-party' },
  '045': { mode: 'mediate' },
  '046': { mode: 'negotiate' },
  '051': { mode: 'praise' },
  '052': { mode: 'defend' },
  '054': { mode: 'recognize' },
  '055': { mode: 'apologize' },
  '057': { mode: 'agreement' },
  '061': { context: 'economic' },
  '062': { context: 'military' },
  '063': { context: 'legal' },
  '064': { context: 'intelligence' },
  '071': { context: 'economic' },
  '072': { context: 'military' },
  '073': { context: 'humanitarian' },
  '074': { context: 'military', mode: 'peacekeeping' },
  '075': { context: 'refugee', mode: 'asylum' },
  '084': { plover: 'RETREAT', mode: 'release' },
  '0841': { plover: 'RETREAT', mode: 'release' },
  '0842': { plover: 'RETREAT', mode: 'return' },
  '086': { plover: 'RETREAT', mode: 'allow' },
  '0861': { plover: 'RETREAT', mode: 'allow', context: 'military' },
  '0862': { plover: 'RETREAT', mode: 'allow' },
  '0863': { plover: 'RETREAT', mode: 'allow' },
  '087': { plover: 'RETREAT', context: 'military' },
  '0871': { plover: 'RETREAT', mode: 'ceasefire', context: 'military' },
  '0872': { plover: 'RETREAT', mode: 'withdraw', context: 'military' },
  '0873': { plover: 'RETREAT', mode: 'demobilize', context: 'military' },
  '0874': { plover: 'RETREAT', mode: 'withdraw', context: 'military' },
  '09': { mode: 'investigate' },
  '090': { mode: 'investigate' },
  '091': { mode: 'investigate', context: 'legal' },
  '092': { mode: 'investigate', context: 'rights' },
  '093': { mode: 'investigate', context: 'military' },
  '094': { mode: 'investigate', context: 'legal' },
  '10': { mode: 'demand' },
  '100': { mode: 'demand' },
  '106': { mode: 'demand', context: 'military' },
  '107': { mode: 'demand', context: 'military' },
  '111': { mode: 'criticize' },
  '112': { mode: 'accuse' },
  '115': { mode: 'lawsuit', context: 'legal' },
  '128': { mode: 'veto' },
  '137': { mode: 'violence' },
  '138': { mode: 'violence', context: 'military' },
  '139': { mode: 'ultimatum' },
  '141': { mode: 'demo' },
  '142': { mode: 'strike-hun' },
  '143': { mode: 'strike-gen' },
  '144': { mode: 'obstruct' },
  '145': { mode: 'riot' },
  '151': { mode: 'police' },
  '152': { mode: 'troops', context: 'military' },
  '153': { mode: 'police' },
  '154': { mode: 'troops', context: 'military' },
  '161': { context: 'diplomatic' },
  '162': { context: 'economic' },
  '166': { context: 'economic' },
  '171': { mode: 'confiscate' },
  '172': { mode: 'restrict' },
  '173': { mode: 'arrest', context: 'legal' },
  '174': { mode: 'deport' },
  '175': { mode: 'repress' },
  '181': { mode: 'abduct' },
  '182': { mode: 'beat' },
  '183': { mode: 'explosives', context: 'terrorism' },
  '185': { mode: 'assassinate' },
  '186': { mode: 'assassinate' },
  '19': { context: 'military' },
  '190': { context: 'military' },
  '191': { mode: 'blockade', context: 'military' },
  '192': { mode: 'occupy', context: 'military' },
  '193': { mode: 'firearms', context: 'military' },
  '194': { mode: 'heavy-weapons', context: 'military' },
  '195': { mode: 'aerial', context: 'military' },
  '196': { mode: 'ceasefire-violation', context: 'military' },
  '204': { mode: 'wmd', context: 'cbrn' },
  '2041': { mode: 'wmd', context: 'cbrn' },
  '2042': { mode: 'wmd', context: 'cbrn' },
};

/**
 * The code an intended, planned or conditional act takes, as the codebook directs: cooperation
 * becomes "express intent to ..." (03), conflict becomes "threaten ..." (13). `known` holds every code.
 */
export function intentOf(code: string, known: ReadonlySet<string>): string | undefined {
  const root = code.slice(0, 2);
  const sub = code.slice(2, 3);
  const pick = (...candidates: string[]): string => candidates.find((c) => known.has(c)) ?? code;
  switch (root) {
    case '04':
      return '036';
    case '05':
      return '032';
    case '06':
      return sub && sub !== '0' ? pick(`031${sub}`, '031') : '031';
    case '07':
      return sub && sub !== '0' && sub !== '5' ? pick(`033${sub}`, '033') : '033';
    case '08':
      return '035';
    case '14':
      return '133';
    case '16':
      return code === '162' ? '1311' : code === '166' ? '1312' : code === '161' ? '1313' : '131';
    case '17':
      return code === '175' ? '137' : '132';
    case '18':
      return '1383';
    case '19':
      return code === '191' ? '1381' : code === '192' ? '1382' : '1384';
    case '20':
      return '1385';
    default:
      return undefined;
  }
}

/** Aid codes of an unstated kind and the codes for their military and humanitarian kinds. */
const AID_KINDS: Record<string, { military: string; humanitarian: string }> = {
  '070': { military: '072', humanitarian: '073' },
  '033': { military: '0332', humanitarian: '0333' },
};

/** Adds the attributes the coder reads (intent code, physical, domestic, protest, aid kinds) to each entry. */
export function withAttributes(entries: CameoEntry[]): CameoEntry[] {
  const known = new Set(entries.map((e) => e.code));
  for (const entry of entries) {
    const intent = intentOf(entry.code, known);
    if (intent && intent !== entry.code) entry.intent = intent;
    if (['07', '15', '17', '18', '19', '20'].includes(entry.root)) entry.isPhysical = true;
    if (['08', '09', '17'].includes(entry.root)) entry.isDomestic = true;
    if (entry.root === '14') entry.isProtest = true;
    const kinds = AID_KINDS[entry.code];
    if (kinds) entry.kinds = kinds;
  }
  return entries;
}

/** QuadClass from the root: verbal/material cooperation, verbal/material conflict. */
function quadClassOf(root: number): 1 | 2 | 3 | 4 {
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13) return 3;
  return 4;
}

/** Parses the codebook TSV into our entries. */
export function buildCameo(tsv: string): CameoEntry[] {
  const entries: CameoEntry[] = [];
  for (const line of tsv.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const [code = '', rawLabel = '', goldstein = ''] = line.split('\t');
    const root = code.slice(0, 2);
    const label = rawLabel.replace(/\s+/g, ' ').trim();
    const base = PLOVER_BY_ROOT[root];
    if (base === undefined || !/^\d{2,4}$/.test(code)) throw new Error(`cameo-codes.tsv: bad row ${JSON.stringify(line)}`);
    const extra = SUB_CODES[code] ?? (code.length === 4 ? SUB_CODES[code.slice(0, 3)] : undefined) ?? {};
    const entry: CameoEntry = {
      code,
      root,
      label: label === label.toUpperCase() ? label.charAt(0) + label.slice(1).toLowerCase() : label,
      goldstein: Number(goldstein),
      quadClass: quadClassOf(Number(root)),
      plover: extra.plover === undefined ? base : extra.plover,
    };
    if (extra.mode) entry.mode = extra.mode;
    if (extra.context) entry.context = extra.context;
    entries.push(entry);
  }
  return entries;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join('scripts', 'build-cameo.ts'));
if (isMain) {
  const source = path.resolve('../shared/reference/cameo-codes.tsv');
  const entries = withAttributes(buildCameo(readFileSync(source, 'utf8')));
  const out = {
    about:
      'CAMEO 1.1b3 event codes (codes, Goldstein weights: facts from the codebook as GDELT publishes it), QuadClass from the root, our PLOVER type/mode/context for each, and the attributes the coder reads: intent (the code of an intended or conditional act), isPhysical, isDomestic, isProtest, kinds (military/humanitarian codes of unspecified aid). Built by scripts/build-cameo.ts.',
    codes: entries,
  };
  writeFileSync('data/cameo.json', JSON.stringify(out, null, 1) + '\n');
  console.log(`data/cameo.json: ${entries.length} codes`);
}
