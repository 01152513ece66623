/**
 * Builds data/event-lexicon.json from PETRARCH's CAMEO verb dictionary (CAMEO.2.0.txt, MIT, Open
 * Event Data Alliance), read from ../shared/reference/petrarch-dictionaries/.
 * Usage: npx tsx scripts/build-event-lexicon.ts [path/to/CAMEO.2.0.txt]
 *
 * What is kept, and why (the dictionary is known to hold stale and over-broad patterns):
 * - a pattern is tied to the verb it was written for (its "# VERB" comment, or the block's only
 *   verb), not to every WordNet synonym of its block: "stage an attack" does not make "base an attack";
 * - only patterns that read what follows the verb (object nouns, prepositional phrases); those
 *   with nouns before the verb need a subject test our phrase syntax has no place for;
 * - a verb's own code (ASK [020]) and a block's code apply to the bare verb, except statements
 *   (root 01), which every article is full of and which name no event of the desk;
 * - codes must be in data/cameo.json; the paired-event form [a:b] keeps its first code.
 * Our own data/verb-patterns.json wins wherever both match (src/stages/events/patterns.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One derived lexicon entry: one phrase in our pattern syntax (src/stages/events/patterns.ts). */
export interface LexiconEntry {
  /** Stable id: `cameo2:<verb>:<code>[:<object words>]`, unchanged while the source is. */
  id: string;
  source: 'cameo-2.0';
  code: string;
  phrase: string;
}

export interface EventLexicon {
  about: string;
  version: number;
  source: string;
  irregular: Record<string, string[]>;
  entries: LexiconEntry[];
}

interface Block {
  name: string;
  code: string | null;
  verbs: { lemma: string; code: string | null }[];
  patterns: { words: string; code: string; origin: string | null }[];
}

/** Parses the synonym sets: `&NAME` then `+WORD` lines. */
export function readSynonymSets(lines: readonly string[]): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const raw of lines) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line.startsWith('####### VERB PATTERNS')) break;
    if (/^&[A-Z_]+$/.test(line)) {
      current = [];
      sets.set(line.slice(1), current);
    } else if (current && line.startsWith('+')) {
      const word = line.slice(1).replace(/_+$/, '').replace(/_/g, ' ').toLowerCase().trim();
      if (/^[a-z][a-z' -]*$/.test(word)) current.push(word);
    } else if (line === '') {
      current = null;
    }
  }
  return sets;
}

/** The first code of `[a]` or `[a:b]`; null for `---`, an empty first part or a non-code. */
export function codeOf(bracket: string): string | null {
  const first = bracket.split(':')[0]?.trim() ?? '';
  return /^\d{2,4}$/.test(first) ? first : null;
}

/** Parses the verb blocks, with their verbs, irregular forms and patterns. */
export function readBlocks(lines: readonly string[], irregular: Record<string, string[]>): Block[] {
  const blocks: Block[] = [];
  let inPatterns = false;
  let block: Block | null = null;
  for (const raw of lines) {
    if (raw.startsWith('####### VERB PATTERNS')) {
      inPatterns = true;
      continue;
    }
    if (!inPatterns) continue;
    const header = /^---\s+([A-Z_]+)\s+\[([^\]]*)\]\s+---/.exec(raw);
    if (header) {
      block = { name: header[1]!.toLowerCase(), code: codeOf(header[2]!), verbs: [], patterns: [] };
      blocks.push(block);
      continue;
    }
    if (!block) continue;
    const comment = /#\s*([A-Z][A-Z_]*)\s*$/.exec(raw)?.[1]?.toLowerCase() ?? null;
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    if (line.startsWith('-')) {
      const m = /^-\s*(.*?)\s*\[([^\]]*)\]\s*$/.exec(line);
      const code = m ? codeOf(m[2]!) : null;
      if (m && code) block.patterns.push({ words: m[1]!, code, origin: comment });
      continue;
    }
    const verb = /^\+?([A-Z][A-Z_-]*)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?/.exec(line);
    if (!verb) continue;
    const lemma = verb[1]!.toLowerCase().replace(/_+$/, '');
    const forms = (verb[2] ?? '')
      .split(/\s+/)
      .map((f) => f.replace(/^\+/, '').replace(/_+$/, '').toLowerCase())
      .filter((f) => /^[a-z][a-z_-]*$/.test(f));
    const head = lemma.split('_')[0]!;
    const singleForms = forms.map((f) => f.split('_')[0]!).filter((f) => f !== head);
    if (singleForms.length > 0) irregular[head] = [...new Set([...(irregular[head] ?? []), ...singleForms])];
    block.verbs.push({ lemma, code: verb[3] ? codeOf(verb[3]) : null });
  }
  return blocks;
}

// Words of a pattern that are particles, prepositions or modifiers: never given a plural.
const UNINFLECTED = new Set(
  'off out up down back away over in on at to for from with against into onto about of by as under through along across around behind before after between toward towards without upon new fresh more further full joint mutual formal public unfair own'.split(' '),
);

/** A noun and its plural, as pattern alternatives. */
function withPlural(word: string): string[] {
  if (UNINFLECTED.has(word) || /(?:ly|ous|ful)$/.test(word)) return [word];
  if (/(?:s|ss|x|ch|sh)$/.test(word) && !/ss$/.test(word)) return [word];
  const plural = /(?:ss|x|ch|sh)$/.test(word) ? word + 'es' : /[^aeiou]y$/.test(word) ? word.slice(0, -1) + 'ies' : word + 's';
  return [word, plural];
}

/**
 * Converts the object side of a pattern ("* (TO {BANNED PARTIES})", "* &WEAPON") into our phrase
 * syntax after the verb, or null when it cannot be read here (nouns before the verb, unknown sets).
 */
export function objectPhrase(words: string, sets: ReadonlyMap<string, string[]>): { phrase: string; key: string } | null {
  const star = words.indexOf('*');
  if (star < 0 || words.slice(0, star).trim() !== '') return null;
  const rest = words.slice(star + 1).replace(/[$^+%]/g, ' ').trim();
  if (rest === '') return null;
  // Groups: (...) and {...} are one group each; a bare word or &SET is its own group.
  const groups: string[][] = [];
  const tokens = rest.match(/\([^)]*\)|\{[^}]*\}|\S+/g) ?? [];
  for (const token of tokens) {
    const inner = token.replace(/^[({]|[)}]$/g, '').replace(/[{}()]/g, ' ').trim();
    const parts = inner.split(/\s+/).filter(Boolean);
    if (parts.length === 0) continue;
    const group: string[] = [];
    for (const [i, part] of parts.entries()) {
      const isLast = i === parts.length - 1;
      if (part.startsWith('&')) {
        const members = sets.get(part.slice(1));
        if (!members || members.length === 0) return null;
        const alternatives = members.flatMap((w) => (isLast && !w.includes(' ') ? withPlural(w) : [w]));
        group.push([...new Set(alternatives)].map((w) => w.replace(/ /g, '_')).join('|'));
      } else {
        const word = part.toLowerCase().replace(/_+$/, '');
        if (!/^[a-z][a-z'_-]*$/.test(word)) return null;
        group.push(isLast && !word.includes('_') ? withPlural(word).join('|') : word);
      }
    }
    groups.push(group);
  }
  if (groups.length === 0) return null;
  const key = tokens.map((t) => t.replace(/[(){}&]/g, '').toLowerCase()).join(' ').replace(/\s+/g, '-');
  return { phrase: groups.map((g) => g.join(' ')).join(' * '), key };
}

/** Lower-case letters, digits and hyphens only, as entry ids want. */
function slug(words: string): string {
  return words.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The lexicon built from the dictionary's text; `codes` are the CAMEO codes our codebook knows. */
export function buildLexicon(text: string, codes: ReadonlySet<string>): EventLexicon {
  const lines = text.split(/\r?\n/);
  const sets = readSynonymSets(lines);
  const irregular: Record<string, string[]> = {};
  const blocks = readBlocks(lines, irregular);
  const entries = new Map<string, LexiconEntry>();
  const add = (lemma: string, code: string, object: { phrase: string; key: string } | null): void => {
    if (!codes.has(code) || code.startsWith('01')) return;
    const id = `cameo2:${slug(lemma)}:${code}${object ? ':' + slug(object.key) : ''}`;
    if (entries.has(id)) return;
    const verb = '~' + lemma;
    entries.set(id, { id, source: 'cameo-2.0', code, phrase: object ? `${verb} * ${object.phrase}` : verb });
  };
  for (const block of blocks) {
    const lemmas = new Set(block.verbs.map((v) => v.lemma));
    for (const verb of block.verbs) {
      const code = verb.code ?? block.code;
      if (code) add(verb.lemma, code, null);
    }
    for (const pattern of block.patterns) {
      // The verb the pattern was written for; without a note, only a block of one verb says which.
      const origin = pattern.origin && lemmas.has(pattern.origin) ? pattern.origin : lemmas.size === 1 ? [...lemmas][0]! : null;
      if (!origin) continue;
      const object = objectPhrase(pattern.words, sets);
      if (object) add(origin, pattern.code, object);
    }
  }
  return {
    about:
      'Verb patterns derived by scripts/build-event-lexicon.ts from PETRARCH\'s CAMEO.2.0.txt (MIT, Open Event Data Alliance): each pattern kept only for the verb it was written for, object side only, statements (01) left out. Same phrase syntax as verb-patterns.json; ours win where both match.',
    version: 1,
    source: 'cameo-2.0',
    irregular,
    entries: [...entries.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const root = path.resolve(import.meta.dirname, '..');
  const input = process.argv[2] ?? path.resolve(root, '../shared/reference/petrarch-dictionaries/CAMEO.2.0.txt');
  const cameo = JSON.parse(readFileSync(path.join(root, 'data/cameo.json'), 'utf8')) as { codes: { code: string }[] };
  const lexicon = buildLexicon(readFileSync(input, 'utf8'), new Set(cameo.codes.map((c) => c.code)));
  writeFileSync(path.join(root, 'data/event-lexicon.json'), JSON.stringify(lexicon, null, 1) + '\n');
  console.log(`data/event-lexicon.json: ${lexicon.entries.length} entries, ${Object.keys(lexicon.irregular).length} irregular verbs`);
}
