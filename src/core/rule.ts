/**
 * Provenance: every finding (entity, date, event, transfer) names the rule, model or refiner that
 * made it and the words that fired. The runners here attach both, so no rule can forget them.
 *
 * One vocabulary for every stage:
 * - a **rule** finds values in a text: a regex with `extract` (`PatternRule`), any matcher with
 *   `find` (`MatchRule`), or a judge of the whole text it is given, a line or a page (`ClaimRule`,
 *   e.g. the text-page line rules); it returns only the value and the span that fired.
 *   `applyRules` runs rules and returns `Finding`s (`value`, `rule`, `trigger`); `firstClaim`
 *   returns the first rule's claim on a whole text.
 * - a **model** is a rule too: give it an id such as `entities/model:ner` and stamp its output.
 * - a **refiner** takes findings and returns new ones (chrono's refiners); `applyRefiners` freezes
 *   what it hands over, so nothing mutates a shared candidate, and records which refiner changed
 *   which finding (`rule` becomes the refiner's id, the earlier ids move to `history`).
 * - a **dictionary entry** (a verb pattern, an actor) has a stable `id` and a `source`; a rule
 *   driven by a dictionary names the entry in its id: `entryRuleId('events/verb', entry)` gives
 *   `events/verb:cameo2:0234`.
 *
 * Usage, in a stage that builds its findings by hand rather than through `applyRules`:
 * ```ts
 * const event = stamp({ cameo, source, target, evidence: sentenceEvidence }, entryRuleId('events/verb', entry), article.text, verb);
 * // event.rule === 'events/verb:cameo2:0234'; event.trigger === { text: 'sent', start, end }
 * ```
 * `evidence` stays the sentence (the context a reader needs); `trigger` is the words that fired.
 */
import type { Evidence, Provenance, Span } from './doc.js';

/** Where a finding came from (`rule`, `trigger`, `history`): declared with the findings in doc.ts. */
export type { Provenance };

/** A value a rule found, with the span of the words that fired (offsets into the text the rule was given). */
export interface Hit<T> extends Span {
  value: T;
}

/** A regex rule: the engine runs the pattern, the rule turns one match into a value (or null: not one after all). */
export interface PatternRule<T, C = unknown> {
  /** Repeats the rule's path: `transfers/sent-to` lives in stages/transfers/rules/sent-to.ts. */
  id: string;
  /** Must carry the `g` flag. */
  pattern: RegExp;
  /** The value for one match, or null when the match turns out not to be one. */
  extract: (match: RegExpExecArray, context: C) => T | null;
}

/** A rule that is not one regex (a token matcher, a dictionary lookup, a model): it yields hits. */
export interface MatchRule<T, C = unknown> {
  id: string;
  find: (text: string, context: C) => Iterable<Hit<T>>;
}

/** A rule that judges the whole text it is given (a line, a page): a value when the text is its kind, else null. */
export interface ClaimRule<T, C = unknown> {
  id: string;
  read: (text: string, context: C) => T | null;
}

/** Any rule the engine can run. */
export type Rule<T, C = unknown> = PatternRule<T, C> | MatchRule<T, C> | ClaimRule<T, C>;

/** One value with its provenance: the rule id and the words that fired. */
export interface Finding<T> {
  value: T;
  rule: string;
  trigger: Evidence;
}

/** Runs every rule over a text (which starts at `offset` in the whole article) and returns findings in text order. */
export function applyRules<T, C>(rules: readonly Rule<T, C>[], text: string, context: C, offset = 0): Finding<T>[] {
  const findings: Finding<T>[] = [];
  for (const rule of rules) {
    for (const hit of hitsOf(rule, text, context)) {
      if (hit.start < 0 || hit.end > text.length || hit.end < hit.start) {
        throw new Error(`rule ${rule.id}: span ${hit.start}-${hit.end} lies outside its text (0-${text.length})`);
      }
      findings.push({ value: hit.value, rule: rule.id, trigger: triggerOf(text, hit, offset) });
    }
  }
  return findings.sort((a, b) => a.trigger.start - b.trigger.start);
}

/** The first rule, in order, that claims the whole text, with its provenance; null when none does. */
export function firstClaim<T, C>(rules: readonly Rule<T, C>[], text: string, context: C, offset = 0): Finding<T> | null {
  for (const rule of rules) {
    for (const hit of hitsOf(rule, text, context)) return { value: hit.value, rule: rule.id, trigger: triggerOf(text, hit, offset) };
  }
  return null;
}

function* hitsOf<T, C>(rule: Rule<T, C>, text: string, context: C): Iterable<Hit<T>> {
  if ('find' in rule) {
    yield* rule.find(text, context);
    return;
  }
  if ('read' in rule) {
    const value = rule.read(text, context);
    if (value !== null) yield { value, start: 0, end: text.length };
    return;
  }
  const { pattern } = rule;
  if (!pattern.global) throw new Error(`rule ${rule.id}: pattern needs the g flag`);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const value = rule.extract(match, context);
    if (value !== null) yield { value, start: match.index, end: match.index + match[0].length };
  }
}

function triggerOf(text: string, span: Span, offset: number): Evidence {
  return { text: text.slice(span.start, span.end), start: offset + span.start, end: offset + span.end };
}

/**
 * A finding built by hand, stamped with its provenance: `rule`, and `trigger` read from `text`
 * (`article.text`, or a part of it starting at `offset`). Returns a new object; the value is not changed.
 */
export function stamp<T extends object>(value: T, rule: string, text: string, trigger: Span | null, offset = 0): T & Provenance {
  const out = { ...value, rule } as T & Provenance;
  if (trigger) {
    if (trigger.start < 0 || trigger.end > text.length || trigger.end < trigger.start) {
      throw new Error(`rule ${rule}: trigger ${trigger.start}-${trigger.end} lies outside its text (0-${text.length})`);
    }
    out.trigger = triggerOf(text, trigger, offset);
  }
  return out;
}

/** A refiner takes findings and returns new ones (merged, filtered, relabelled); it never edits what it is given. */
export interface Refiner<T extends Provenance, C = unknown> {
  /** `entities/refiner:legal-form` lives in stages/entities/refiners/legal-form.ts. */
  id: string;
  refine: (findings: readonly Readonly<T>[], context: C) => readonly T[];
}

/**
 * Runs refiners in order. Each gets the previous output frozen (an edit in place throws); every
 * finding it returns that it was not given is recorded as its work: `rule` becomes the refiner's
 * id and the finding's earlier `rule` moves to the end of `history`. Unchanged findings keep theirs.
 */
export function applyRefiners<T extends Provenance, C>(findings: readonly T[], refiners: readonly Refiner<T, C>[], context: C): T[] {
  let current: T[] = findings.map((f) => Object.freeze(f));
  for (const refiner of refiners) {
    const given = new Set<T>(current);
    current = refiner.refine(current, context).map((f) => Object.freeze(given.has(f) ? f : creditRefiner(f, refiner.id)));
  }
  return current;
}

function creditRefiner<T extends Provenance>(finding: T, id: string): T {
  // A finding copied from another (`{ ...old, type }`) arrives with the old rule: that one moves to history.
  if (finding.rule === id) return finding;
  const history = finding.rule ? [...(finding.history ?? []), finding.rule] : finding.history;
  return history && history.length > 0 ? { ...finding, rule: id, history } : { ...finding, rule: id };
}

/** Where a dictionary entry comes from: `ours`, or the dictionary it was derived from (`cameo-2.0`, `phoenix`). */
export type EntrySource = 'ours' | (string & {});

/** An entry of a data/ dictionary (verb pattern, actor, outlet, equipment word). */
export interface DictionaryEntry {
  /** Stable across edits of the file: findings name it, golden files quote it. Never reuse one. */
  id: string;
  source: EntrySource;
}

/** The id of a finding made by a dictionary-driven rule: `entryRuleId('events/verb', { id: 'cameo2:0234' })` -> `events/verb:cameo2:0234`. */
export function entryRuleId(rule: string, entry: Pick<DictionaryEntry, 'id'>): string {
  return `${rule}:${entry.id}`;
}

/** Ids made of lower-case letters, digits and `-._:`, so a rule id built from them stays one grep-able word. */
const ENTRY_ID = /^[a-z0-9][a-z0-9._:-]*$/;

/**
 * Checks a dictionary's entries (throws, naming the dictionary and the entry, on the first fault):
 * every entry has a well-formed `id` unique in the dictionary, and a non-empty `source`.
 */
export function checkDictionary(name: string, entries: readonly unknown[]): asserts entries is readonly DictionaryEntry[] {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const { id, source } = (entry ?? {}) as Partial<DictionaryEntry>;
    if (typeof id !== 'string' || !ENTRY_ID.test(id)) throw new Error(`${name}: entry ${index} has no valid id (${JSON.stringify(id)})`);
    if (seen.has(id)) throw new Error(`${name}: id "${id}" is used twice`);
    seen.add(id);
    if (typeof source !== 'string' || source === '') throw new Error(`${name}: entry "${id}" has no source`);
  });
}
