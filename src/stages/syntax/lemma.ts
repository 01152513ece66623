/**
 * The lemmatiser: suffix rewrite rules per part of speech learned from the treebank ("-ies" -> "-y"
 * for NOUN), and the forms whose lemma the rules get wrong ("went" -> "go") as exceptions; verb forms
 * the treebank lacks are looked up in a list of English irregular verbs (irregular-verbs.ts).
 */
import { irregularBase } from './irregular-verbs.js';

/** What the lemmatiser learned: rules keyed `UPOS\tsuffix`, exceptions keyed `UPOS\tlower-case form`. */
export interface LemmaModel {
  /** Value: characters to cut from the end and what to add, `cut\tadd`. */
  rules: Record<string, string>;
  exceptions: Record<string, string>;
}

/** Longest suffix a rule is keyed on. */
const MAX_SUFFIX = 5;

/** Tags whose lemma keeps the word's case (names); others are lower-cased first. */
function keepsCase(upos: string): boolean {
  return upos === 'PROPN';
}

function ruleBetween(form: string, lemma: string): string {
  let common = 0;
  while (common < form.length && common < lemma.length && form[common] === lemma[common]) common++;
  return `${form.length - common}\t${lemma.slice(common)}`;
}

function applyRule(form: string, rule: string): string {
  const tab = rule.indexOf('\t');
  const cut = Number(rule.slice(0, tab));
  const out = form.slice(0, form.length - cut) + rule.slice(tab + 1);
  return out.length > 0 ? out : form;
}

function byRules(rules: Record<string, string>, base: string, upos: string): string {
  const lower = base.toLowerCase();
  for (let k = Math.min(MAX_SUFFIX, lower.length); k >= 0; k--) {
    const rule = rules[`${upos}\t${lower.slice(lower.length - k)}`];
    if (rule !== undefined) return applyRule(base, rule);
  }
  return base;
}

/** The lemma of a word with its tag. */
export function lemmatize(model: LemmaModel, form: string, upos: string): string {
  const lower = form.toLowerCase();
  const exception = model.exceptions[`${upos}\t${lower}`];
  if (exception !== undefined) return exception;
  // an irregular verb form the treebank does not show: the rules would make a non-word of it
  const irregular = upos === 'VERB' || upos === 'AUX' ? irregularBase(lower) : undefined;
  if (irregular !== undefined) return irregular;
  return byRules(model.rules, keepsCase(upos) ? form : lower, upos);
}

/** Learns rules and exceptions from (form, UPOS, lemma) triples. */
export function learnLemmas(entries: Iterable<[string, string, string]>, minRuleCount = 3): LemmaModel {
  const ruleCounts = new Map<string, Map<string, number>>();
  const formCounts = new Map<string, Map<string, number>>();
  const countInto = (outer: Map<string, Map<string, number>>, key: string, value: string): void => {
    let inner = outer.get(key);
    if (!inner) outer.set(key, (inner = new Map<string, number>()));
    inner.set(value, (inner.get(value) ?? 0) + 1);
  };
  for (const [form, upos, lemma] of entries) {
    if (lemma === '_' || form.length === 0) continue;
    const base = keepsCase(upos) ? form : form.toLowerCase();
    const rule = ruleBetween(base, lemma);
    const cut = Number(rule.slice(0, rule.indexOf('\t')));
    const lower = base.toLowerCase();
    for (let k = Math.max(cut, 0); k <= Math.min(MAX_SUFFIX, lower.length); k++) {
      countInto(ruleCounts, `${upos}\t${lower.slice(lower.length - k)}`, rule);
    }
    countInto(formCounts, `${upos}\t${form.toLowerCase()}`, lemma);
  }
  const rules: Record<string, string> = {};
  for (const [key, counts] of [...ruleCounts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [rule, count] = top(counts);
    if (count >= minRuleCount) rules[key] = rule;
  }
  const model: LemmaModel = { rules, exceptions: {} };
  for (const [key, counts] of [...formCounts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [lemma] = top(counts);
    const tab = key.indexOf('\t');
    const upos = key.slice(0, tab);
    const lower = key.slice(tab + 1);
    // Names keep their case, so their rule output depends on the form as written: compare lower-cased.
    const predicted = byRules(rules, keepsCase(upos) ? lemma : lower, upos);
    if (keepsCase(upos) ? predicted.toLowerCase() !== lemma.toLowerCase() : predicted !== lemma) model.exceptions[key] = lemma;
  }
  return model;
}

function top(counts: Map<string, number>): [string, number] {
  let bestKey = '';
  let bestCount = -1;
  for (const [k, c] of counts) if (c > bestCount || (c === bestCount && k < bestKey)) [bestKey, bestCount] = [k, c];
  return [bestKey, bestCount];
}
