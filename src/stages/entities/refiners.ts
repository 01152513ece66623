/**
 * Article-level refiners of the entities stage: each takes the article's candidates and returns new
 * ones (chrono's refiners); none edits what it is given, and core's applyRefiners records which one
 * changed a mention's kind. Each states a fact of news English, not of one corpus.
 */
import type { Sentence, Token } from '../../core/doc.js';
import type { Refiner } from '../../core/rule.js';
import type { Knowledge } from './knowledge.js';
import type { Candidate } from './resolve.js';

/** A candidate placed in the article: token span in its sentence, character span in `article.text`. */
export interface Found extends Omit<Candidate, 'start' | 'end'> {
  sentence: number;
  tokens: readonly Token[];
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  text: string;
  history?: string[];
}

export interface RefineContext {
  text: string;
  sentences: readonly Sentence[];
  knowledge: Knowledge;
}

type EntityRefiner = Refiner<Found, RefineContext>;

/** Whether a candidate is a guess (the tagger's, or a copy of a name found elsewhere) rather than a listed name or a rule's finding. */
function isGuess(f: Found): boolean {
  return f.origin === 'model' || f.origin === 'copy';
}

/** Longest name, in tokens, looked for again elsewhere in the article. */
const MAX_PROPAGATED_WORDS = 6;

/** Kinds whose names, once found, are looked for again elsewhere in the article. */
const PROPAGATED = new Set(['person', 'organization', 'location']);

const isCaps = (w: string): boolean => /\p{Lu}{2}/u.test(w) && !/\p{Ll}/u.test(w);

/**
 * One name, one referent per article: "Alexander Lebed" makes a later bare "Lebed" that person (and a
 * place or organisation guessed on "Lebed" becomes him), a tagged "Interfax" makes every "Interfax" an
 * organisation. Headlines in capitals get the people's names too ("SHEARER").
 */
export const sameName: EntityRefiner = {
  id: 'entities/refiner:same-name',
  refine(found, { text, sentences, knowledge }) {
    const names = new Map<string, Found>();
    const surnames = new Map<string, Found>();
    for (const f of found) {
      if (!PROPAGATED.has(f.kind) || f.isShouting) continue;
      const words = f.tokens.slice(f.tokenStart, f.tokenEnd).map((t) => t.text);
      if (!words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:of|the|and|de|al|bin|van|von|-|&)$/.test(w))) continue;
      names.set(words.join(' '), f);
      if (f.kind === 'person' && words.length > 1) {
        const last = words[words.length - 1] as string;
        // "Lebed Chechnya" from the tagger: a listed place ending a name not opened by a given name is no surname
        const isPlace = (knowledge.phrases.get(last.toLowerCase()) ?? []).some((e) => e.kind === 'place' || e.kind === 'country');
        const isSure = f.origin !== 'model' || knowledge.firstNames.has(words[0] as string) || !isPlace;
        if (/^\p{Lu}(?:['’]\p{Lu})?\p{Ll}/u.test(last) && isSure && !surnames.has(last)) surnames.set(last, f);
      }
    }
    for (const [last, f] of surnames) if (names.get(last)?.kind !== 'person') names.set(last, f);
    if (names.size === 0) return found;
    const shouted = new Map<string, Found>();
    for (const [key, f] of names) if (f.kind === 'person') shouted.set(key.toUpperCase(), f);
    // a guessed or listed place (or guessed organisation) whose text is the surname of a person named in full is that person
    const out: Found[] = found.map((f) => {
      if (f.kind !== 'location' && f.kind !== 'organization') return f;
      const isWeak = f.origin === 'model' || f.entries.every((e) => e.kind === 'place' || e.kind === 'country');
      if (!isWeak || f.text.includes(' ')) return f;
      if (surnames.has(f.text) || (isCaps(f.text) && shouted.has(f.text))) return { ...f, kind: 'person', entries: [], origin: 'copy' };
      return f;
    });
    let maxWords = 1;
    for (const key of names.keys()) maxWords = Math.min(MAX_PROPAGATED_WORDS, Math.max(maxWords, key.split(' ').length));
    const taken = new Set<number>();
    for (const f of found) for (let k = f.start; k < f.end; k++) taken.add(k);
    sentences.forEach((sentence, index) => {
      const tokens = sentence.tokens ?? [];
      for (let i = 0; i < tokens.length; i++) {
        const first = tokens[i] as Token;
        if (!/^[\p{Lu}\d]/u.test(first.text) || taken.has(first.start)) continue;
        for (let n = Math.min(maxWords, tokens.length - i); n >= 1; n--) {
          const key = tokens.slice(i, i + n).map((t) => t.text).join(' ');
          const source = names.get(key) ?? (isCaps(key) ? shouted.get(key) : undefined);
          if (!source) continue;
          const last = tokens[i + n - 1] as Token;
          let isFree = true;
          for (let k = i; k < i + n; k++) if (taken.has((tokens[k] as Token).start)) isFree = false;
          // "U.S. Open": a name inside an event's name is not looked for
          if (!isFree || EVENT_NEXT.test(tokens[i + n]?.text ?? '')) break;
          const copy: Found = {
            start: first.start, end: last.end, text: text.slice(first.start, last.end), sentence: index, tokens, tokenStart: i, tokenEnd: i + n,
            kind: source.kind, entries: source.entries, rule: 'entities/refiner:same-name', origin: 'copy',
          };
          if (source.role) copy.role = source.role;
          if (source.country) copy.country = source.country;
          out.push(copy);
          for (let k = i; k < i + n; k++) taken.add((tokens[k] as Token).start);
          i += n - 1;
          break;
        }
      }
    });
    return out;
  },
};

/** Words after which a capitalised name is an event's, not a place's: kept in step with resolve.ts's EVENT_TAIL. */
const EVENT_NEXT = /^(?:Open|Championship|Championships|Cup|Prix|Trophy|Games|Series|Olympics|Classic|Masters|Tournament|Invitational|Marathon|Rally|Festival)$/;

/** Nouns whose "of" names a place: "the eastern town of Liege", "the city of Grozny". */
const SETTLEMENT = new Set(['town', 'city', 'village', 'port', 'capital', 'province', 'region', 'suburb', 'district', 'towns', 'cities', 'villages']);

/** A single name the tagger guessed a person is a place after "in" or "the town of" ("police in Ardenvale said"). */
export const townContext: EntityRefiner = {
  id: 'entities/refiner:town-context',
  refine(found) {
    return found.map((f) => {
      if (f.kind !== 'person' || f.entries.length > 0 || f.origin !== 'model' || f.tokenEnd - f.tokenStart !== 1) return f;
      const prev = f.tokens[f.tokenStart - 1]?.text ?? '';
      const before = f.tokens[f.tokenStart - 2]?.text.toLowerCase() ?? '';
      if (prev !== 'in' && !(prev === 'of' && SETTLEMENT.has(before))) return f;
      return { ...f, kind: 'location', origin: 'rule' };
    });
  },
};

/** Words after a company's (or a paper's, an agency's) name: "Norvale Holdings Inc", "Brantec shares", "the Ostrava news agency". */
const COMPANY_NEXT = /^(?:Corp|Corporation|Inc|Ltd|Co|Cos|Group|AG|SA|NV|BV|Plc|PLC|GmbH|SpA|Holdings|shares|stock|stake|bonds|shareholders|subsidiary|subsidiaries|newspaper|daily|agency)\.?$/;

/** Legal forms that end a company's full name: "Brantec S.A.", "Norvale Holdings Inc.". */
const LEGAL_FORM = /^(?:Corp|Corporation|Inc|Ltd|Co|Cos|AG|SA|S\.A|NV|N\.V|BV|Plc|PLC|GmbH|SpA|S\.p\.A|Holdings|Bhd|Berhad|AB|ASA|Oyj|KK)\.?$/;

/** Nouns for organisations, written right before one's name ("the news agency Tarvo", "the carrier Nordair"). */
const ORG_NOUN = /^(?:agency|newspaper|daily|weekly|magazine|broadcaster|carrier|airline|automaker|carmaker|manufacturer|conglomerate|insurer|lender|retailer|firm|company)$/;

/** "Ohio-based": where a company is based, written before its name. */
const BASED_BEFORE = /^[\p{L}.]+-based$/u;

/** Generic words in the middle of a company's full name: "Norvale International Inc". */
const COMPANY_WORD = /^(?:International|Industries|Group|Holdings|Enterprises|Technologies|Systems|Communications|Bancshares|Bancorp|Financial|Resources|Airlines|Motors|Petroleum|Mining|Pharmaceuticals|Electronics|Entertainment|Capital|Investments)$/;

/**
 * A company is named by its legal form or what only companies have: a name written once before "Inc",
 * "S.A.", "shares" or "chief executive" is that company wherever the article names it bare, even
 * where the tagger guessed a person or a town ("Tarvexo S.A." ... "Tarvexo").
 */
export const legalForm: EntityRefiner = {
  id: 'entities/refiner:legal-form',
  refine(found) {
    const isTown = (f: Found): boolean => f.kind === 'location' && f.entries.length > 0 && f.entries.every((e) => e.kind === 'place');
    const isGuessed = (f: Found): boolean => (f.kind === 'person' || f.kind === 'location') && f.entries.length === 0 && isGuess(f);
    const companies = new Set<string>();
    const out = found.map((f) => {
      if (!isGuessed(f) && f.kind !== 'organization') return f;
      // "the news agency Tarvo", "Ohio-based Brantec": a noun only organisations are, or where a firm is based, right before the name
      const before = f.tokens[f.tokenStart - 1]?.text ?? '';
      if (f.entries.length === 0 && (ORG_NOUN.test(before) || BASED_BEFORE.test(before))) companies.add(f.text);
      let k = f.tokenEnd;
      if (/^['’]s$/.test(f.tokens[k]?.text ?? '')) k++;
      const pair = `${f.tokens[k]?.text ?? ''} ${f.tokens[k + 1]?.text ?? ''}`;
      if (COMPANY_NEXT.test(f.tokens[k]?.text ?? '') || /^(?:general manager|chief executive|board of|news agency)$/.test(pair)) companies.add(f.text);
      const last = f.tokens[f.tokenEnd - 1];
      if (f.tokenEnd - f.tokenStart < 2 || !last || !LEGAL_FORM.test(last.text)) return f;
      // "Cofinec S.A.": the name before its legal form is the company's short name
      const short = f.text.slice(0, last.start - f.start).trimEnd();
      if (/^\p{Lu}/u.test(short)) companies.add(short);
      // "Norvale International Inc": the first word before a generic company word is the short name too
      const second = f.tokens[f.tokenStart + 1];
      if (f.tokenEnd - f.tokenStart === 3 && second && COMPANY_WORD.test(second.text)) companies.add((f.tokens[f.tokenStart] as Token).text);
      return f.kind === 'organization' ? f : { ...f, kind: 'organization' as const, entries: [], origin: 'rule' as const };
    });
    if (companies.size === 0) return out;
    return out.map((f) => ((isGuessed(f) || isTown(f)) && companies.has(f.text) ? { ...f, kind: 'organization' as const, entries: [], origin: 'rule' as const } : f));
  },
};

/** How much one mention's kind counts in the vote over its name: a listed or ruled name over a tagger's guess; copies do not vote. */
function voteWeight(f: Found): number {
  if (f.origin === 'copy') return 0;
  if (f.origin === 'model') return f.isShouting ? 0.5 : 1;
  return 3;
}

const VOTED = new Set(['person', 'organization', 'location']);

/**
 * One sense per name per article: the tagger's guesses and copies of a name take the kind most of its
 * mentions have (weighted by how sure each is).
 */
export const oneSense: EntityRefiner = {
  id: 'entities/refiner:one-sense',
  refine(found) {
    const votes = new Map<string, Map<string, { weight: number; best: Found; bestWeight: number }>>();
    for (const f of found) {
      if (!VOTED.has(f.kind)) continue;
      const w = voteWeight(f);
      if (w === 0) continue;
      let byKind = votes.get(f.text);
      if (!byKind) votes.set(f.text, (byKind = new Map<string, { weight: number; best: Found; bestWeight: number }>()));
      const tally = byKind.get(f.kind);
      if (!tally) byKind.set(f.kind, { weight: w, best: f, bestWeight: w });
      else {
        tally.weight += w;
        if (w > tally.bestWeight) [tally.best, tally.bestWeight] = [f, w];
      }
    }
    return found.map((f) => {
      if (!VOTED.has(f.kind) || !isGuess(f)) return f;
      const byKind = votes.get(f.text);
      if (!byKind || (byKind.size < 2 && byKind.has(f.kind))) return f;
      let winner: { weight: number; best: Found } | undefined;
      for (const tally of byKind.values()) if (!winner || tally.weight > winner.weight) winner = tally;
      const own = byKind.get(f.kind)?.weight ?? 0;
      if (!winner || winner.best.kind === f.kind || winner.weight <= own) return f;
      return { ...f, kind: winner.best.kind, entries: winner.best.entries };
    });
  },
};

/** An abbreviation in capitals, as written in brackets after a name: "TLF", "NDAC", "UN-OCM". */
const ACRONYM = /^\p{Lu}[\p{Lu}&-]{1,7}$/u;

/**
 * Whether an abbreviation fits a name's capitalised words: its first letter opens one of them and most of
 * its letters do ("Tarvo Liberation Front" - "TLF"; not a runner followed by her country, "Brenka" - "USA").
 */
function initialsFit(acronym: string, words: readonly string[]): boolean {
  const initials = new Set<string>();
  for (const w of words) if (/^\p{Lu}/u.test(w)) initials.add(w.charAt(0));
  const letters = [...acronym].filter((ch) => /\p{Lu}/u.test(ch));
  if (!initials.has(letters[0] as string)) return false;
  const hits = letters.filter((ch) => initials.has(ch)).length;
  return hits * 2 >= letters.length + 1;
}

/**
 * An abbreviation defined in brackets after an organisation's name ("the Tarvo Liberation Front (TLF)")
 * names that organisation wherever the article writes it, whatever the tagger guessed there (a person, a
 * place, nothing); a guessed person or place of several words that the abbreviation fits is that
 * organisation too.
 */
export const definedAcronym: EntityRefiner = {
  id: 'entities/refiner:defined-acronym',
  refine(found, { text, sentences }) {
    const defined = new Set<string>();
    const longNames = new Set<Found>();
    for (const f of found) {
      const k = f.tokenEnd;
      if (f.tokens[k]?.text !== '(' || f.tokens[k + 2]?.text !== ')') continue;
      const acronym = (f.tokens[k + 1] as Token).text;
      if (!ACRONYM.test(acronym)) continue;
      const words = f.tokens.slice(f.tokenStart, f.tokenEnd).map((t) => t.text);
      const isOrg = f.kind === 'organization' || f.kind === 'ministry';
      const isGuessedName = isGuess(f) && (f.kind === 'person' || f.kind === 'location') && words.length >= 2;
      if ((!isOrg && !isGuessedName) || !initialsFit(acronym, words)) continue;
      defined.add(acronym);
      if (!isOrg) longNames.add(f);
    }
    if (defined.size === 0) return found;
    const out: Found[] = [];
    for (const f of found) {
      if (longNames.has(f)) out.push({ ...f, kind: 'organization', entries: [], origin: 'rule' });
      else if (!(isGuess(f) && defined.has(f.text))) out.push(f);
    }
    const covered = (start: number, end: number): boolean => out.some((f) => f.start < end && start < f.end);
    sentences.forEach((sentence, index) => {
      const tokens = sentence.tokens ?? [];
      tokens.forEach((t, i) => {
        if (!defined.has(t.text) || covered(t.start, t.end)) return;
        out.push({
          start: t.start, end: t.end, text: text.slice(t.start, t.end), sentence: index, tokens, tokenStart: i, tokenEnd: i + 1,
          kind: 'organization', entries: [], rule: 'entities/refiner:defined-acronym', origin: 'rule',
        });
      });
    });
    return out;
  },
};

/** The refiners, in order: names copied first, so the later ones see every mention of a name. */
export const REFINERS: readonly EntityRefiner[] = [sameName, definedAcronym, townContext, legalForm, oneSense];
