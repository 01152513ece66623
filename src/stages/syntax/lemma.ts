/**
 * The lemmatiser: suffix rewrite rules per part of speech learned from the treebank ("-ies" -> "-y"
 * for NOUN), and the forms whose lemma the rules get wrong ("went" -> "go") as exceptions; verb forms
 * the treebank lacks are looked up in a list of English irregular verbs (irregular-verbs.ts).
 */
import { irregularBase } from './irregular-verbs.js';

/**
 * What the lemmatiser learned: rules keyed `UPOS\tsuffix`, exceptions keyed `UPOS\tlower-case form`,
 * and the lemmas it has seen, to check a rule's output against.
 */
export interface LemmaModel {
  /** Value: characters to cut from the end and what to add, `cut\tadd`. */
  rules: Record<string, string>;
  exceptions: Record<string, string>;
  /**
   * The lower-case lemmas of the treebank's common words (nouns, verbs, adjectives, adverbs), one per
   * line, sorted. A rule that makes a word no lemma ("patrolled" -> "patroll" by the rule of
   * "cancelled" -> "cancel") gives way to the regular stem that is one ("patrol"). Absent in older models.
   */
  words?: string;
}

/** Parts of speech whose lemma is checked against the known lemmas. */
const CHECKED_TAGS = new Set(['VERB', 'NOUN', 'ADJ']);
/** Tags whose lemmas make the known-lemma list. */
const KNOWN_LEMMA_TAGS = new Set(['VERB', 'NOUN', 'ADJ', 'ADV', 'AUX']);
const PLAIN_WORD = /^[a-z]+(?:-[a-z]+)*$/;

const knownSets = new WeakMap<LemmaModel, ReadonlySet<string>>();

function knownLemmas(model: LemmaModel): ReadonlySet<string> | undefined {
  if (model.words === undefined) return undefined;
  let known = knownSets.get(model);
  if (!known) knownSets.set(model, (known = new Set(model.words.split('\n'))));
  return known;
}

/** A stem's final doubled consonant made single ("patroll" -> "patrol", "stopp" -> "stop"), else ''. */
function undoubled(stem: string): string {
  const n = stem.length;
  if (n < 4) return '';
  const c = stem[n - 1] as string;
  return c === stem[n - 2] && !'aeiouy'.includes(c) ? stem.slice(0, -1) : '';
}

/**
 * The regular English stems a form may have as a tag's inflection, most plain first: "-ed"/"-ing"
 * cut, with a silent "e" restored, a doubled consonant undone, "i" back to "y"; plural "-s", "-es",
 * "-ies", "-ves"; comparative "-er", "-est".
 */
function regularStems(lower: string, upos: string): string[] {
  const out: string[] = [];
  const cut = (suffix: string): string => (lower.length > suffix.length + 1 && lower.endsWith(suffix) ? lower.slice(0, -suffix.length) : '');
  const addStem = (s: string): void => {
    if (s) out.push(s, `${s}e`, undoubled(s), s.endsWith('i') ? `${s.slice(0, -1)}y` : '');
  };
  if (upos === 'VERB') {
    addStem(cut('ed'));
    addStem(cut('ing'));
    const ies = cut('ies');
    if (ies) out.push(`${ies}y`);
    out.push(cut('es'), cut('s'));
  } else if (upos === 'NOUN') {
    const ies = cut('ies');
    if (ies) out.push(`${ies}y`);
    const ves = cut('ves');
    if (ves) out.push(`${ves}f`, `${ves}fe`);
    out.push(cut('es'), cut('s'));
  } else if (upos === 'ADJ') {
    addStem(cut('est'));
    addStem(cut('er'));
  }
  return out.filter((s) => s.length > 1);
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
  return byRulesChecked(model, keepsCase(upos) ? form : lower, upos);
}

/** The rules' lemma; where the rule makes a word that is no known lemma, a regular stem that is one. */
function byRulesChecked(model: LemmaModel, base: string, upos: string): string {
  const byRule = byRules(model.rules, base, upos);
  if (!CHECKED_TAGS.has(upos)) return byRule;
  const known = knownLemmas(model);
  if (!known || known.has(byRule) || !PLAIN_WORD.test(base)) return byRule;
  for (const stem of regularStems(base, upos)) if (known.has(stem)) return stem;
  return byRule;
}

/** Learns rules and exceptions from (form, UPOS, lemma) triples. */
export function learnLemmas(entries: Iterable<[string, string, string]>, minRuleCount = 3): LemmaModel {
  const ruleCounts = new Map<string, Map<string, number>>();
  const formCounts = new Map<string, Map<string, number>>();
  const words = new Set<string>();
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
    if (KNOWN_LEMMA_TAGS.has(upos) && PLAIN_WORD.test(lemma)) words.add(lemma);
  }
  const rules: Record<string, string> = {};
  for (const [key, counts] of [...ruleCounts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [rule, count] = top(counts);
    if (count >= minRuleCount) rules[key] = rule;
  }
  const model: LemmaModel = { rules, exceptions: {}, words: [...words].sort().join('\n') };
  for (const [key, counts] of [...formCounts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [lemma] = top(counts);
    const tab = key.indexOf('\t');
    const upos = key.slice(0, tab);
    const lower = key.slice(tab + 1);
    // Names keep their case, so their rule output depends on the form as written: compare lower-cased.
    const predicted = byRulesChecked(model, keepsCase(upos) ? lemma : lower, upos);
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
