/**
 * The states a sentence names, as token spans with their ISO alpha-3 code: countries and their
 * demonyms and capitals, bodies of a state (the Chilean Navy), manufacturers standing for their
 * home state (Embraer -> BRA), and "X-made"/"X-built" words naming the maker's state.
 */
import type { Doc, Sentence, Token } from '../../core/doc.js';
import type { Context } from '../../core/context.js';
import { countryCode } from '../entities/lookup.js';
import type { OrganizationRecord } from '../entities/knowledge.js';
import { readDateline } from '../events/attribution.js';
import type { TransferLexicon } from './lexicon.js';

export interface StateMention {
  first: number;
  last: number;
  code: string;
  kind: 'country' | 'demonym' | 'body' | 'maker' | 'made' | 'possessive' | 'place';
}

const ISO3 = /^[A-Z]{3}$/;

function tokenIndexAt(tokens: readonly Token[], start: number, end: number): [number, number] | null {
  let first = -1;
  let last = -1;
  for (const [i, t] of tokens.entries()) {
    if (t.end <= start || t.start >= end) continue;
    if (first < 0) first = i;
    last = i;
  }
  return first < 0 ? null : [first, last];
}

/** The state of a named force of it ("Royal Navy" -> GBR), from data/organizations.json's military bodies; null for any other name. */
function forceState(ctx: Context, name: string): string | null {
  const forces = ctx.data.memo('transfers/forces', () => {
    const out = new Map<string, string>();
    for (const o of ctx.data.load<{ organizations: OrganizationRecord[] }>('organizations').organizations) {
      if (o.kind !== 'military' || !o.country) continue;
      for (const n of [o.name, ...o.aliases]) out.set(n.toLowerCase(), o.country);
    }
    return out;
  });
  return forces.get(name.toLowerCase()) ?? null;
}

/** Words for a works that builds equipment ("a shipyard in Busan"). */
const WORKS = /^(?:shipyards?|yards?|factory|factories|plants?|works|firms?|company|companies|manufacturers?|makers?)$/i;

/**
 * "from a shipyard in Busan", "a plant based in Wuchang": a works in a place stands for the place's
 * state as a manufacturer does (the place alone is where something happens, no party).
 */
function addMakerPlaces(entity: NonNullable<Doc['entities']>[number], sentence: Sentence, tokens: readonly Token[], found: StateMention[]): void {
  const code = entity.country ?? null;
  if (!code || !ISO3.test(code)) return;
  for (const m of entity.mentions) {
    if (m.start < sentence.start || m.end > sentence.end) continue;
    const span = tokenIndexAt(tokens, m.start, m.end);
    if (!span || tokens[span[0] - 1]?.text.toLowerCase() !== 'in') continue;
    const k = tokens[span[0] - 2]?.text.toLowerCase() === 'based' ? span[0] - 3 : span[0] - 2;
    if (k >= 0 && WORKS.test(tokens[k]!.text)) found.push({ first: k, last: span[1], code, kind: 'maker' });
  }
}

/** The states named in one sentence, in token order, without overlaps (the longest span wins). */
export function statesIn(doc: Doc, sentence: Sentence, tokens: readonly Token[], lex: TransferLexicon, ctx: Context): StateMention[] {
  const found = statesInText(doc, sentence, tokens, lex, ctx);
  // "KYIV — Sweden will send Ukraine ...": a wire dateline's place says where the story was filed; it gives and gets nothing.
  const dateline = readDateline(sentence.text);
  return dateline ? found.filter((f) => tokens[f.first]!.start - sentence.start >= dateline.span.end) : found;
}

function statesInText(doc: Doc, sentence: Sentence, tokens: readonly Token[], lex: TransferLexicon, ctx: Context): StateMention[] {
  const found: StateMention[] = [];
  for (const entity of doc.entities ?? []) {
    if (entity.type === 'place') {
      addMakerPlaces(entity, sentence, tokens, found);
      continue;
    }
    if (entity.type === 'person') continue;
    const code = entity.type === 'country' ? entity.code : (entity.country ?? null);
    if (!code || !ISO3.test(code)) continue;
    for (const m of entity.mentions) {
      if (m.start < sentence.start || m.end > sentence.end) continue;
      const span = tokenIndexAt(tokens, m.start, m.end);
      if (!span) continue;
      found.push({ first: span[0], last: span[1], code, kind: entity.type === 'country' ? (m.form === 'demonym' ? 'demonym' : 'country') : 'body' });
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const maker = lex.index.makers.get(tokens[i]!.text.toLowerCase())?.find((mk) => mk.words.every((w, k) => tokens[i + k]?.text.toLowerCase() === w));
    if (maker?.state) found.push({ first: i, last: i + maker.words.length - 1, code: maker.state, kind: 'maker' });
    // "ex-Danish F-16s", "ex-US Navy frigates": the state that used the equipment before sells it on, as a maker would.
    const made = /^(.+?)-(?:made|built|origin|manufactured|produced|supplied)$/i.exec(tokens[i]!.text) ?? /^ex-(\p{Lu}.*)$/u.exec(tokens[i]!.text);
    if (made) {
      // "South Korean-built", "United States-made": a name of two words is written apart before the hyphenated one
      const before = tokens[i - 1]?.text ?? '';
      const wider = /^\p{Lu}/u.test(before) ? countryCode(`${before} ${made[1]!}`, ctx.data) : null;
      const code = wider && ISO3.test(wider) ? wider : countryCode(made[1]!, ctx.data);
      if (code && ISO3.test(code)) found.push({ first: code === wider ? i - 1 : i, last: i, code, kind: 'made' });
      // "ex-Royal Navy frigates": a former owner that is a named force of a state, written on over the next words
      else if (/^ex-/i.test(tokens[i]!.text)) {
        for (let n = 3; n >= 0; n--) {
          if (i + 1 + n > tokens.length) continue;
          const owner = forceState(ctx, [made[1]!, ...tokens.slice(i + 1, i + 1 + n).map((t) => t.text)].join(' '));
          if (owner) {
            found.push({ first: i, last: i + n, code: owner, kind: 'made' });
            break;
          }
        }
      }
    }
    // Names the entities stage left out: a country, demonym or capital written as one to three words.
    if (!found.some((f) => f.first <= i && f.last >= i) && /^[A-Z]/.test(tokens[i]!.text)) {
      for (let n = 3; n >= 1; n--) {
        if (i + n > tokens.length) continue;
        const phrase = tokens.slice(i, i + n).map((t) => t.text).join(' ');
        const code = countryCode(phrase, ctx.data);
        if (code && ISO3.test(code)) {
          found.push({ first: i, last: i + n - 1, code, kind: 'country' });
          break;
        }
      }
    }
  }
  for (const f of found) if (tokens[f.last + 1]?.text === "'s" || tokens[f.last + 1]?.text === '’s') f.kind = f.kind === 'maker' ? 'maker' : 'possessive';
  // "four Turkey built corvettes": a country inside a noun phrase, right before "made" or "built", names the maker as "Turkey-built" does.
  // What opens the phrase is a determiner, a count (digits or any number word of the lexicon) or "new"/"used".
  const opensPhrase = (t: Token | undefined): boolean => t !== undefined && (/^(?:the|a|an|its|their|these|those|\d[\d,]*|new|used)$/i.test(t.text) || lex.numberWords[t.text.toLowerCase()] !== undefined);
  for (const f of found) if (f.kind === 'country' && /^(?:made|built|manufactured|produced)$/i.test(tokens[f.last + 1]?.text ?? '') && opensPhrase(tokens[f.first - 1])) f.kind = 'made';
  // "two former Royal Navy frigates": a state's body after "former" inside a noun phrase is the equipment's former owner, who
  // sells it on as a maker's state would.
  for (const f of found) if (f.kind === 'body' && /^(?:former|ex)$/i.test(tokens[f.first - 1]?.text ?? '')) f.kind = 'made';
  // A manufacturer the entities stage also found as an organisation is read as the maker it is.
  found.sort((a, b) => a.first - b.first || b.last - a.last || Number(b.kind === 'maker') - Number(a.kind === 'maker'));
  const out: StateMention[] = [];
  for (const f of found) {
    const prev = out[out.length - 1];
    if (prev && f.first <= prev.last) continue;
    out.push(f);
  }
  return out;
}

/**
 * The places a sentence names that lie in a known state ("Sydney" -> AUS), as mentions of that state of kind `place`: not parties
 * of their own (a place is where something happens), read only where a predicate names a destination ("arrived in Sydney").
 */
export function placesIn(doc: Doc, sentence: Sentence, tokens: readonly Token[]): StateMention[] {
  const out: StateMention[] = [];
  for (const entity of doc.entities ?? []) {
    if (entity.type !== 'place' || !entity.country || !ISO3.test(entity.country)) continue;
    for (const m of entity.mentions) {
      if (m.start < sentence.start || m.end > sentence.end) continue;
      const span = tokenIndexAt(tokens, m.start, m.end);
      if (span) out.push({ first: span[0], last: span[1], code: entity.country, kind: 'place' });
    }
  }
  return out.sort((a, b) => a.first - b.first);
}
