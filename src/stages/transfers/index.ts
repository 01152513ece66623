/**
 * The `transfers` stage: the arms transfers an article states, read sentence by sentence from its
 * transfer predicates and equipment phrases (read-sentence.ts), then filled in from the article
 * (a party the sentence leaves out, a generic noun for a model named elsewhere) and merged, so that
 * one record stands for one item of one transfer.
 */
import type { Doc, SentenceSyntax, Span, Token, Transfer, TransferItem, TransferStatus } from '../../core/doc.js';
import type { Context } from '../../core/context.js';
import { defineStage, need } from '../../core/stage.js';
import { stamp } from '../../core/rule.js';
import { transferLexicon } from './lexicon.js';
import { readItems } from './items.js';
import type { ItemMention } from './items.js';
import { placesIn, statesIn } from './actors.js';
import { findTriggers, readSentence } from './read-sentence.js';
import type { Parties } from './read-sentence.js';
import { designationsOf, mergeTransfers, sameItem } from './merge.js';
import { countryCode } from '../entities/lookup.js';
import { isInNounClauseApart } from '../syntax/tree.js';
import { closesRelativeClause } from '../dates/index.js';

export { mergeTransfers, transferKey } from './merge.js';

/** The stage: transfers read from this document's sentences. */
export const transfers = defineStage('transfers', (doc, ctx) => registerTransfers(doc, ctx));

interface Draft extends Transfer {
  isNamed: boolean;
  order: number;
  /** The ordinal or batch word of a part of a larger transfer ("first", "second", "batch"). */
  batch: string | null;
  /** Read from "the systems": kept only once it takes a model the article names. */
  isAnaphor: boolean;
  /** A definite generic noun without a count ("the warships", "the aircraft"): it may stand for equipment the dyad named before. */
  isDefinite: boolean;
  /** "32 more": more of the equipment the same buyer got before (ItemMention.isMore). */
  isMore?: boolean;
  /** The state a package that "includes" the item is named after (ItemReading.packageOf). */
  packageOf: string | null;
}

/** Participles of a promise of aid after an item: "18 jets promised by Sweden", "the tanks pledged last year". */
const PROMISED = /^(?:promised|pledged|donated|offered|gifted)$/i;

/** Transfers of military equipment stated by a document, one record per item, merged within the document. */
export function registerTransfers(doc: Doc, ctx: Context): Transfer[] {
  const lex = transferLexicon(ctx);
  const article = need(doc, 'article');
  const sentences = need(doc, 'sentences');
  const published = article.published ? article.published.slice(0, 10) : null;
  // Every record is read from a predicate: an article without one states no transfer (most articles; the rest of the stage is skipped).
  const syntaxOf = (i: number): SentenceSyntax | undefined => (doc.syntax?.[i]?.sentence === i ? doc.syntax[i] : doc.syntax?.find((x) => x.sentence === i));
  const triggersOf = sentences.map((s, i) => (s.tokens?.length ? findTriggers(s.tokens, lex, syntaxOf(i)) : []));
  if (triggersOf.every((t) => t.length === 0)) return [];
  const drafts: Draft[] = [];
  const itemsRead = new Map<number, ItemMention[]>();
  const itemsOf = (i: number): ItemMention[] => {
    let items = itemsRead.get(i);
    if (!items) {
      const tokens = sentences[i]!.tokens ?? [];
      const triggerAt = new Map(triggersOf[i]!.map((t) => [t.first, t.last - t.first + 1]));
      itemsRead.set(i, (items = readItems(tokens, article.text, lex, (k) => triggerAt.get(k) ?? 0)));
    }
    return items;
  };
  // The transfer told last (by a reading, or by a predicate with both parties and no item), for "the package includes" and left-out parties.
  let context: Parties | null = null;
  // The transfer told last even with one party named ("The government approved an aid package for Ukraine"), for what a package includes.
  let recent: Parties | null = null;
  // The item of the transfer told last, for what a package "includes".
  let lastItem: ItemMention | null = null;
  let order = 0;
  // Transfers told with both parties and no item ("Estonia's military aid to Ukraine"), at their place among the drafts.
  const told: Told[] = [];
  for (const [sentenceIndex, sentence] of sentences.entries()) {
    const tokens = sentence.tokens ?? [];
    if (tokens.length === 0) continue;
    const triggers = triggersOf[sentenceIndex]!;
    // A sentence without a predicate reads no record; its named equipment is read only if a generic noun needs it (nameGenerics).
    if (triggers.length === 0) continue;
    const items = itemsOf(sentenceIndex);
    const states = statesIn(doc, sentence, tokens, lex, ctx);
    const syntax = syntaxOf(sentenceIndex);
    const { readings, included, parties } = readSentence(tokens, items, states, triggers, lex, syntax, triggers.some((t) => t.entry.frame === 'arrive' || t.entry.id === 'carry-arriving') ? placesIn(doc, sentence, tokens) : []);
    // Items a package "includes" with no predicate of their own in the sentence join the last transfer read.
    for (const item of included) {
      // "gunboats and munitions ... These will include anti-ship missiles": munitions a bare munitions record includes are that record.
      if (lastItem && lastItem.category === 'ammunition' && !lastItem.isNamed && /^(?:ammunition|munitions)$/i.test(lastItem.text) && (item.category === 'ammunition' || item.category === 'missiles')) continue;
      if (recent) readings.push({ item, trigger: recent.trigger, triggerSpan: recent.triggerSpan, supplier: recent.supplier, recipients: recent.recipients, status: recent.status, rule: 'transfers/package-includes' });
    }
    // "delivered six frigates to the country": the state the article named last, other than the supplier, receives.
    const anaphor = /\b(?:to|for) the (?:country|nation|island|kingdom|island nation)\b/i.exec(sentence.text);
    if (anaphor) {
      const at = sentence.start + anaphor.index;
      for (const r of readings) if (r.recipients.length === 0 && r.supplier) {
        const named = lastStateBefore(doc, at, r.supplier);
        if (named) r.recipients = [named];
      }
    }
    // A reading without a party takes it from the predicate of an earlier sentence that named both.
    for (const r of readings) {
      if (!context) break;
      // "Spain sold boats to Peru. Twelve Leopard tanks were handed over": a sentence naming neither party, whose model is
      // made by a state that is no party of the last transfer, moves that model from its maker to the last recipient.
      const origin = r.item.model?.origin;
      if (!r.supplier && r.recipients.length === 0 && origin && origin !== context.supplier && !context.recipients.includes(origin)) {
        r.supplier = origin;
        r.recipients = context.recipients;
        continue;
      }
      if (!r.supplier && (r.recipients.length === 0 || (context.recipients[0] && r.recipients.includes(context.recipients[0])))) r.supplier = context.supplier;
      if (r.recipients.length === 0 && r.supplier === context.supplier) r.recipients = context.recipients;
    }
    // "Greece and France signed a deal for Belharra frigates": a state does not receive its own model from the other party.
    for (const r of readings) {
      const origin = r.item.model?.origin;
      if (origin && r.supplier && r.supplier !== origin && r.recipients.length === 1 && r.recipients[0] === origin) [r.supplier, r.recipients] = [origin, [r.supplier]];
    }
    // "... the artillery Poland has sent to Ukraine. Both packages also cover ammunition": a transfer told in a relative clause is
    // background; what follows goes on with the transfer the article tells.
    const last = readings.findLast((r) => !r.rule.endsWith(':relative'));
    if (last?.supplier && last.recipients.length) lastItem = last.item;
    else if (readings.length === 0 && parties?.supplier && parties.recipients.length) lastItem = null;
    if (last?.supplier && last.recipients.length) recent = context = { supplier: last.supplier, recipients: last.recipients, status: last.status, trigger: last.trigger, triggerSpan: last.triggerSpan };
    else if (readings.length === 0 && parties?.supplier && parties.recipients.length) recent = context = parties;
    else if (parties && readings.length === 0 && (parties.supplier || parties.recipients.length)) recent = parties;
    if (parties?.supplier && parties.recipients.length && readings.length === 0) told.push({ order, supplier: parties.supplier, recipients: parties.recipients });
    // "Rabat ordered X and received Y last year": each date of the sentence belongs to the predicate nearest it
    const sentenceDates = (doc.dates ?? []).filter((d) => d.start >= sentence.start && d.end <= sentence.end && d.value && d.precision !== 'vague');
    const distance = (d: { start: number; end: number }, t: Span): number => (d.start >= t.end ? d.start - t.end : t.start >= d.end ? t.start - d.end : 0);
    const triggerSpans = readings.map((r) => r.triggerSpan);
    // "buy 12 more launchers, on top of the 20 it ordered last year": a date in a clause that describes a noun is that clause's
    const at = (offset: number): number => (syntax ? syntax.words.findIndex((w) => w.start === offset) : -1);
    const dateOf = (t: Span): string | null => {
      const own = sentenceDates.filter(
        (d) =>
          triggerSpans.every((other) => distance(d, t) <= distance(d, other)) &&
          !(syntax && isInNounClauseApart(syntax, at(d.start), at(t.start))) &&
          !(d.start > t.end && closesRelativeClause(article.text.slice(t.end, d.start))),
      );
      // none of its own: the date is another predicate's, and this one's is unknown beyond the report's day
      return own.sort((a, b) => distance(a, t) - distance(b, t))[0]?.value ?? published;
    };
    for (const r of readings) {
      const date = dateOf(r.triggerSpan);
      const recipients = r.recipients.length ? r.recipients : [null];
      for (const recipient of recipients) {
        // "the first of 36 jets ordered by Chile": an order read from a part's phrase is the order of the whole.
        // So is a promise told after the part ("the first four of 18 jets promised by Sweden": the 18 were promised).
        const isWholeOrder = r.item.partOf !== null && (r.status === 'ordered' || r.status === 'approved' || (r.status === 'pledged' && r.triggerSpan.start >= r.item.end));
        const item: TransferItem = { count: isWholeOrder ? r.item.partOf!.whole : r.item.count, item: r.item.text, category: r.item.category };
        drafts.push({
          supplier: r.supplier,
          recipient,
          items: [item],
          status: r.status,
          date,
          evidence: { text: sentence.text, start: sentence.start, end: sentence.end },
          trigger: { text: article.text.slice(r.triggerSpan.start, r.triggerSpan.end), start: r.triggerSpan.start, end: r.triggerSpan.end },
          rule: r.rule,
          isNamed: r.item.isNamed,
          order: order++,
          batch: isWholeOrder ? null : (r.item.batch ?? (r.isStart ? 'started' : null)),
          isAnaphor: r.item.isAnaphor === true,
          ...(r.item.isMore ? { isMore: true } : {}),
          isDefinite: !r.item.isNamed && r.item.count === null && isDefiniteAt(tokens, r.item.first),
          packageOf: r.packageOf ?? null,
        });
        if (!r.supplier && r.item.model?.origin) drafts[drafts.length - 1]!.supplier = r.item.model.origin;
        // "Sweden and Thailand agreed on the sale of Gripen jets": a state does not receive its own model from the other party.
        const origin = r.item.model?.origin;
        if (origin && recipient === origin && r.supplier && r.supplier !== origin) Object.assign(drafts[drafts.length - 1]!, { supplier: origin, recipient: r.supplier });
        // "handed over the first three of 16 jets": the 16 are the order the delivery belongs to.
        const made = drafts[drafts.length - 1]!;
        // ("the first four of 18 jets promised by Sweden": a whole that was promised is a pledge, not an order)
        if (r.item.partOf && (made.status === 'delivered' || made.status === 'pledged')) {
          const isPromised = tokens.slice(r.item.last + 1, r.item.last + 3).some((x) => PROMISED.test(x.text));
          drafts.push({ ...made, status: isPromised ? 'pledged' : 'ordered', items: [{ ...item, count: r.item.partOf.whole }], batch: null, order: order++ });
        }
      }
    }
  }
  joinArrivals(drafts);
  fillParties(drafts, told);
  joinNamedPackages(drafts);
  resolveDefinites(drafts);
  const namedByCategory = (): Map<string, Set<string>> => {
    const named = new Map<string, Set<string>>();
    for (const [i, s] of sentences.entries()) {
      if (!s.tokens?.length) continue;
      for (const item of itemsOf(i)) if (item.isNamed) (named.get(item.category) ?? named.set(item.category, new Set()).get(item.category)!).add(item.text);
    }
    return named;
  };
  const makerWords = new Set(lex.makers.flatMap((m) => m.words));
  const isDemonym = (w: string): boolean => countryCode(w, ctx.data) !== null;
  nameGenerics(drafts, namedByCategory, makerWords, isDemonym);
  const kept = drafts.filter((d) => d.supplier && d.recipient && d.supplier !== d.recipient && !(d.isAnaphor && !d.isNamed) && !isDealSchedule(d, drafts));
  unifyModelNames(kept, makerWords, isDemonym);
  return mergeTransfers(kept).map(({ mergedFrom: _m, isNamed: _n, order: _o, batch: _b, isAnaphor: _a, isDefinite: _d, isMore: _more, ...t }) => stamp(t, t.rule ?? 'transfers/read', article.text, t.trigger ?? null));
}

/** Whether a phrase opens with "the", "these" or "those", past a measure ("the 68-metre vessel", "the 1,500-tonne ships"). */
function isDefiniteAt(tokens: readonly Token[], first: number): boolean {
  let j = first - 1;
  while (j > 0 && /^\d[\d.,]*-[a-z]+$/i.test(tokens[j]!.text)) j--;
  return j >= 0 && /^(?:the|these|those)$/i.test(tokens[j]!.text);
}

/**
 * "Norway donated 14 howitzers to Chile. The howitzers arrived in Peru": an arrival of equipment an
 * earlier record moves is that transfer's later stage; the place it arrived at is a stop, not its recipient.
 */
function joinArrivals(drafts: Draft[]): void {
  for (const [i, d] of drafts.entries()) {
    if (d.rule !== 'transfers/arrive') continue;
    const earlier = drafts.slice(0, i).reverse().find((p) => p.rule !== 'transfers/arrive' && p.supplier && p.recipient && (!d.supplier || d.supplier === p.supplier) && sameItem(p.items[0]!, d.items[0]!));
    if (!earlier) continue;
    d.supplier = earlier.supplier;
    d.recipient = earlier.recipient;
  }
}

/**
 * "Chile ordered 12 jets ... Chile will receive 12 JAS 39 fighters by 2027": what a state will receive from a seller it has a
 * deal with, or has received from already, is the delivery schedule of that deal, not a record of its own (its items are often
 * told another way). Told by the giver ("Sweden will deliver") it stays a record: a giver's future act is a promise.
 */
function isDealSchedule(d: Draft, drafts: readonly Draft[]): boolean {
  if (d.status !== 'pledged' || !/^transfers\/receive(?::passive)?$/.test(d.rule ?? '')) return false;
  // "will also get six Mirage jets" beside delivered Rafales: a model of its own is a transfer of its own.
  const own = capitalised(d.items[0]!.item);
  const deals = drafts.filter((o) => o !== d && o.supplier === d.supplier && o.recipient === d.recipient && SCHEDULED_BY.has(o.status));
  // A schedule that names the deal's item merges into it (and may bring its count and first telling); one named otherwise is dropped.
  // "bought two frigates ... will receive the Alvaro ships": a deal told by a generic noun is the deal the named schedule belongs to.
  if (deals.some((o) => sameItem(o.items[0]!, d.items[0]!))) return false;
  return deals.some((o) => own.length === 0 || capitalised(o.items[0]!.item).length === 0 || own.some((n) => capitalised(o.items[0]!.item).includes(n)));
}

/** The capitalised words of an item name, lower case, plural "s" dropped ("Mirage jets" -> ["mirage"]). */
function capitalised(item: string): string[] {
  return item.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w.toLowerCase().replace(/['’]?s$/, ''));
}

const SCHEDULED_BY = new Set<TransferStatus>(['ordered', 'approved', 'delivered']);

/** The country the article names last before an offset, other than `except` (by its mentions as a name, not a demonym), or null. */
function lastStateBefore(doc: Doc, offset: number, except: string): string | null {
  let best: { code: string; start: number } | null = null;
  for (const e of doc.entities ?? []) {
    if (e.type !== 'country' || !e.code || e.code === except || !/^[A-Z]{3}$/.test(e.code)) continue;
    for (const m of e.mentions) if (m.end <= offset && m.form !== 'demonym' && (!best || m.start > best.start)) best = { code: e.code, start: m.start };
  }
  return best?.code ?? null;
}

/**
 * "Spain sold six frigates to Peru. The warships will be delivered ...": a definite generic noun without a count stands for
 * the one item of its category that an earlier record of the same supplier and recipient moves, and so merges with it.
 */
function resolveDefinites(drafts: Draft[]): void {
  for (const [i, d] of drafts.entries()) {
    if (!d.isDefinite || !d.supplier || !d.recipient) continue;
    const item = d.items[0]!;
    const earlier = drafts.slice(0, i).filter((p) => p.supplier === d.supplier && p.recipient === d.recipient && p.items[0]!.category === item.category && !sameItem(p.items[0]!, item) && !isOtherKind(p.items[0]!.item, item.item));
    const first = earlier[0];
    if (!first) continue;
    // "sold two frigates and two submarines ... The ships will be delivered": a later mention of several items is no record of its own.
    if (!earlier.every((p) => sameItem(p.items[0]!, first.items[0]!))) {
      Object.assign(d, { isAnaphor: true, isNamed: false });
      continue;
    }
    d.items = [{ ...item, item: first.items[0]!.item }];
    d.isNamed = first.isNamed;
  }
}

/**
 * "DSCA notified a sale of 40 jets to Chile ... The Chilean package also includes munitions": what a package named after a state
 * includes belongs to the last transfer told with that state as a party (its parties and its status); with none, the state gives it.
 */
function joinNamedPackages(drafts: Draft[]): void {
  for (const d of drafts) {
    if (!d.packageOf) continue;
    const told = drafts.findLast((p) => p.order < d.order && !p.packageOf && p.supplier && p.recipient && (p.recipient === d.packageOf || p.supplier === d.packageOf));
    if (told) Object.assign(d, { supplier: told.supplier, recipient: told.recipient, status: told.status });
    else d.supplier = d.packageOf;
  }
}

/** Parties of a transfer a sentence tells without an item, and where in the drafts' order it was told. */
interface Told {
  order: number;
  supplier: string;
  recipients: string[];
}

/** A party a sentence leaves out comes from the nearest earlier record that shares the other party. */
function fillParties(drafts: Draft[], told: readonly Told[] = []): void {
  for (const [i, d] of drafts.entries()) {
    if ((d.supplier && d.recipient) || d.packageOf) continue;
    for (let j = i - 1; j >= 0; j--) {
      const p = drafts[j]!;
      if (!d.supplier && p.supplier && (!d.recipient || p.recipient === d.recipient)) d.supplier = p.supplier;
      if (!d.recipient && p.recipient && p.supplier === d.supplier) d.recipient = p.recipient;
      if (d.supplier && d.recipient) break;
    }
    // "Hanwha also signed a deal with Australia": a seller the sentence does not name as a state is the article's last one.
    if (!d.supplier && d.recipient) d.supplier = [...drafts.slice(0, i)].reverse().find((p) => p.supplier && p.supplier !== d.recipient)?.supplier ?? null;
    // "Canada also promised 30 tanks": in a story about one recipient, a pledge that names none is to it.
    // "It also received 30 mortars from Spain": a buyer or receiver the sentence does not name as a state is the article's last recipient.
    // ("Last year it signed a contract with Turkey for two corvettes": so is the buyer of a contract or deal made with a seller.)
    const isDealWithSeller = d.rule === 'transfers/noun-sale' && /^(?:contracts?|deals?|agreements?)$/i.test(d.trigger?.text ?? '');
    if ((/^transfers\/(?:receive|buy|acquire)$/.test(d.rule ?? '') || isDealWithSeller) && d.supplier && !d.recipient) d.recipient = [...drafts.slice(0, i)].reverse().find((p) => p.recipient && p.recipient !== d.supplier)?.recipient ?? null;
    if (d.status === 'pledged' && d.supplier && !d.recipient) d.recipient = [...drafts.slice(0, i)].reverse().find((p) => p.recipient && p.recipient !== d.supplier)?.recipient ?? null;
    // "The government approved an aid package for Ukraine. It contains ... Estonia's military aid to Ukraine now exceeds ...":
    // a giver left unnamed is the one a later sentence names for the same recipient, with or without an item.
    if (!d.supplier && d.recipient) d.supplier = told.find((t) => t.order >= d.order && t.recipients.includes(d.recipient!) && t.supplier !== d.recipient)?.supplier ?? null;
  }
  // "The air arm took delivery of four trainers from Italy ... Italy had handed three trainers to Kenya": a getter that is a force
  // the lead names by no state receives what the article's later telling from the same supplier gives to a state.
  for (const [i, d] of drafts.entries()) {
    if (d.recipient || !d.supplier || !/^transfers\/(?:receive|buy|acquire)(?::passive)?$/.test(d.rule ?? '')) continue;
    d.recipient = drafts.slice(i + 1).find((p) => p.supplier === d.supplier && p.recipient && p.recipient !== d.supplier)?.recipient ?? null;
  }
}

// Capitalised words of an item that name a force or a use, not a model ("Royal Navy Tarvik ships").
const NOT_MODEL_WORDS = /^(?:army|navy|air|force|forces|marine|marines|royal|coast|guard|national|naval|military|defence|defense|new|used|first|second|type|project|block|mark|mk|class|series|model|flight)$/;

/**
 * "Kenya gets its opening Tarvik warship ... three Tarvik offshore patrol ships": one model named by
 * two nouns of one category in one dyad is one item; the fuller name (more words) names both tellings.
 */
function unifyModelNames(drafts: Draft[], makerWords: Set<string>, isDemonym: (word: string) => boolean): void {
  const modelWords = (item: string): string[] => item.split(/\s+/).slice(0, -1).filter((w) => /^[A-Z][a-z]/.test(w) && !makerWords.has(w.toLowerCase()) && !isDemonym(w) && !NOT_MODEL_WORDS.test(w.toLowerCase())).map((w) => w.toLowerCase());
  for (const d of drafts) {
    const item = d.items[0]!;
    const own = modelWords(item.item);
    if (own.length === 0) continue;
    const fuller = drafts.find((o) => {
      const other = o.items[0]!;
      if (o === d || o.supplier !== d.supplier || o.recipient !== d.recipient || other.category !== item.category || sameItem(other, item)) return false;
      if (other.item.split(/\s+/).length <= item.item.split(/\s+/).length) return false;
      const da = designationsOf(item.item);
      const db = designationsOf(other.item);
      if (da.length && db.length && !da.some((x) => db.includes(x))) return false;
      // "Block 7 patrol boats" and "Block 9 attack boats", "Tarpan 1 tanks" and "Tarpan 2 tanks": two numbers that differ name two models.
      const na: string[] = item.item.match(/\d[\w-]*/g) ?? [];
      const nb: string[] = other.item.match(/\d[\w-]*/g) ?? [];
      if (na.length && nb.length && !na.some((x) => nb.includes(x))) return false;
      return modelWords(other.item).some((w) => own.includes(w));
    });
    if (fuller) d.items = [{ ...item, item: fuller.items[0]!.item }];
  }
}

/** "the warplanes", "three patrol planes": a generic noun takes the one model of its category the article names. */
function nameGenerics(drafts: Draft[], readNamed: () => Map<string, Set<string>>, makerWords: Set<string>, isDemonym: (word: string) => boolean): void {
  let namedByCategory: Map<string, Set<string>> | null = null;
  for (const d of drafts) {
    if (d.isNamed) continue;
    const item = d.items[0]!;
    // "received F-16s from Portugal and has since bought 32 more from Norway": more of the buyer's last named equipment, from the
    // seller named or else the one it came from before
    if (d.isMore) {
      const before = drafts.findLast((o) => o.order < d.order && o.isNamed && !o.isAnaphor && o.recipient === d.recipient);
      if (before) {
        d.items = [{ ...item, item: before.items[0]!.item, category: before.items[0]!.category ?? null }];
        d.isNamed = true;
        d.supplier ??= before.supplier;
      }
      continue;
    }
    // "ASCOD vehicles" names its model by a word of its own; "Sukhoi warplanes", "French jets" only its maker.
    if (item.item.split(/\s+/).slice(0, -1).some((w) => /^[A-Z]/.test(w) && !makerWords.has(w.toLowerCase()) && !isDemonym(w))) continue;
    // "handed four ZR-40 trainers ... sold nine QF-7 fighters ... had donated two such fighters": of several named items of the dyad and category, the one told last before.
    const ofDyad = (o: Draft): boolean => o.isNamed && o.supplier === d.supplier && o.recipient === d.recipient && o.items[0]!.category === item.category;
    const sameDyad = d.isAnaphor ? onlyNamed(drafts.filter((o) => o.isNamed && !o.isAnaphor && o.supplier === d.supplier && o.recipient === d.recipient)) : (drafts.findLast((o) => o.order < d.order && ofDyad(o)) ?? drafts.find(ofDyad) ?? onlyNamed(drafts.filter((o) => o.isNamed && !o.isAnaphor && o.supplier === d.supplier && o.recipient === d.recipient && fitsCategory(o.items[0]!.category, item, d.isDefinite))));
    namedByCategory ??= readNamed();
    if (d.isAnaphor && !sameDyad) continue;
    // The article's one model of the category names it only where no record moves that model from another supplier
    // ("hundreds of missiles from North Korea" in a story that also tells of Stingers sold by the United States).
    const isOthersModel = d.supplier !== null && drafts.some((o) => o.isNamed && o.supplier !== null && o.supplier !== d.supplier && o.items[0]!.category === item.category);
    const named = sameDyad?.items[0]!.item ?? (!isOthersModel && namedByCategory.get(item.category ?? '')?.size === 1 ? [...namedByCategory.get(item.category ?? '')!][0]! : null);
    // "Chile ordered two frigates" in a story of Scorpene submarines: a kind of its own keeps its noun.
    if (named && !isOtherKind(item.item, named)) {
      // "the systems", "six of them": a word that names no kind takes the kind of the equipment it stands for.
      d.items = [d.isAnaphor && sameDyad ? { ...item, item: named, category: sameDyad.items[0]!.category ?? null } : { ...item, item: named }];
      d.isNamed = true;
    }
  }
}

// Nouns of a wider kind than their category: "the aircraft" may be drones or helicopters the article named.
const WIDER: Record<string, string[]> = {
  aircraft: ['aircraft', 'helicopters', 'drones'],
  plane: ['aircraft', 'drones'],
};

/**
 * Whether a generic noun can stand for a named item of another category: a noun of a wider kind
 * ("the aircraft" for drones), or a designation the lexicon does not know ("Su-30SME", "Barak-8").
 */
function fitsCategory(named: string | null | undefined, generic: TransferItem, isDefinite: boolean): boolean {
  const head = generic.item.toLowerCase().split(/\s+/).pop()?.replace(/s$/, '') ?? '';
  // "the sonars" may be the "ZK-90" told before; "four additional sonars", indefinite, bring equipment of their own.
  if (named === 'military equipment') return isDefinite || /^(?:system|weapon|equipment|arm|hardware)$/.test(head);
  return (WIDER[head] ?? []).includes(named ?? '');
}

// Kinds inside one equipment category that name different things: a frigate is no submarine, a tanker no fighter.
const KINDS: [RegExp, string][] = [
  [/\bsubmarines?$/, 'submarine'],
  [/\bfrigates?$/, 'frigate'],
  [/\bcorvettes?$/, 'corvette'],
  [/\bdestroyers?$/, 'destroyer'],
  [/\bminesweepers?$/, 'minesweeper'],
  [/\bcarriers?$/, 'carrier'],
  [/\bpatrol (?:boats?|vessels?|ships?|craft)$/, 'patrol boat'],
  [/\blanding (?:craft|ships?)$/, 'landing craft'],
  [/\btankers?$/, 'tanker'],
  [/\b(?:support|supply|auxiliary|replenishment|logistics) (?:vessels?|ships?|boats?)$|\b(?:oilers?|tugs?|icebreakers?)$/, 'auxiliary'],
  [/\btrainers?(?: aircraft)?$/, 'trainer'],
  [/\btransport (?:aircraft|planes?)$/, 'transport'],
  [/\b(?:fighters?|fighter jets?|warplanes?|jets?|combat aircraft)$/, 'combat aircraft'],
  [/\bbombers?$/, 'bomber'],
];

function kindOf(item: string): string | null {
  const text = item.toLowerCase();
  return KINDS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/** Whether two equipment phrases name different kinds of one category ("frigates", "Scorpene submarines"). */
export function isOtherKind(a: string, b: string): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  return ka !== null && kb !== null && ka !== kb;
}

/** The one record among several that all name the same equipment, or undefined when they name more than one. */
function onlyNamed(records: readonly Draft[]): Draft | undefined {
  const first = records[0];
  return first && records.every((r) => sameItem(r.items[0]!, first.items[0]!)) ? first : undefined;
}

/** How far a status has gone, for keeping the most advanced stage of one transfer. */
export const STATUS_RANK: Record<TransferStatus, number> = { planned: 0, pledged: 1, approved: 2, ordered: 3, delivered: 4 };
