/**
 * The `transfers` stage: the arms-transfer register read from the coded events. An aid, supply or
 * purchase event that names military equipment becomes a transfer (supplier, recipient, items with
 * counts and categories, status, date, evidence); the same transfer told twice in one article is one record.
 */
import type { Doc, Event, Quantity, Transfer, TransferStatus } from '../../core/doc.js';
import type { Context } from '../../core/context.js';
import { defineStage } from '../../core/stage.js';
import { equipmentCategories, isMilitaryCategory } from '../events/quantities.js';
import { mergeTransfers } from './merge.js';

export { mergeTransfers, transferKey } from './merge.js';

// Verbs that make a planned transfer a promise ("pledged", "promised", "offered").
const PLEDGE = /\b(?:pledg|promis|offer|vow)\w*/i;
// Verbs of buying: the subject receives, the seller supplies.
const PURCHASE = /\b(?:bought|buy|buys|buying|purchas\w*|order(?:ed|s|ing)?|acquir\w*|import\w*|contract\w* for)\b/i;

/** The stage: transfers read from this document's events. */
export const transfers = defineStage('transfers', (doc, ctx) => registerTransfers(doc, ctx));

/** Transfers of military equipment read from a document's events, merged within the document. */
export function registerTransfers(doc: Doc, ctx: Context): Transfer[] {
  const found: Transfer[] = [];
  for (const event of doc.events ?? []) {
    const transfer = transferOf(event, ctx);
    if (transfer) found.push(transfer);
  }
  return mergeTransfers(found).map(({ mergedFrom: _m, ...t }) => t);
}

/** Whether an event's code is one that moves goods: aid (07, not asylum), intent to aid (033, 031), material cooperation (06x trade). */
function movesGoods(cameo: string): boolean {
  return (/^07[0-4]/.test(cameo) || /^03[13]/.test(cameo) || /^06[01]/.test(cameo)) && !/^073|^075/.test(cameo);
}

/** The transfer an event describes, or null when it moves no military equipment. */
export function transferOf(event: Event, ctx: Context): Transfer | null {
  if (!movesGoods(event.cameo) || event.modality === 'negated' || event.modality === 'hypothetical') return null;
  const text = event.evidence.text;
  const items: Quantity[] = [];
  for (const q of event.quantities) {
    if (isMilitaryCategory(q.category, ctx)) items.push({ count: q.count, item: q.item, category: q.category ?? null });
  }
  // Without counted military items, only an event the coder already read as military aid (its clause names arms) counts.
  const isMilitaryCode = /^(?:072|0332|0312|062)/.test(event.cameo);
  const isArms = items.length > 0 || (isMilitaryCode && (equipmentCategories(text, ctx).some((c) => isMilitaryCategory(c, ctx)) || /\barms\b|\bweapon/i.test(text)));
  if (!isArms) return null;
  const isPurchase = /^06/.test(event.cameo) && PURCHASE.test(text);
  if (/^06/.test(event.cameo) && !isPurchase) return null;
  let status: TransferStatus = 'delivered';
  if (isPurchase) status = 'ordered';
  else if (event.modality === 'planned' || /^03/.test(event.cameo)) status = PLEDGE.test(text) ? 'pledged' : 'planned';
  return {
    supplier: event.source?.code ? countryOf(event.source.code) : null,
    recipient: event.target?.code ? countryOf(event.target.code) : null,
    items,
    status,
    date: event.date,
    evidence: event.evidence,
    rule: 'transfers/from-event',
  };
}

/** The country part of an actor code (RUSMIL -> RUS); bodies without a country keep their code. */
function countryOf(code: string): string {
  return /^[A-Z]{3}/.test(code) ? code.slice(0, 3) : code;
}
