/**
 * Pattern rules: a rule returns a value for a regex match; the engine attaches the rule id and
 * the evidence span, so no rule can forget its provenance (chrono's engine, in small).
 */
import type { Evidence } from './doc.js';

export interface Rule<T, C = unknown> {
  /** Repeats the rule's path: `transfers/sent-to` lives in stages/transfers/rules/sent-to.ts. */
  id: string;
  /** Must carry the `g` flag. */
  pattern: RegExp;
  /** The value for one match, or null when the match turns out not to be one. */
  extract: (match: RegExpExecArray, context: C) => T | null;
}

export interface Finding<T> {
  value: T;
  rule: string;
  evidence: Evidence;
}

/** Runs every rule over a text (from `offset` in the whole article) and returns findings in text order. */
export function applyRules<T, C>(rules: readonly Rule<T, C>[], text: string, context: C, offset = 0): Finding<T>[] {
  const findings: Finding<T>[] = [];
  for (const rule of rules) {
    if (!rule.pattern.global) throw new Error(`rule ${rule.id}: pattern needs the g flag`);
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      if (match[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      const value = rule.extract(match, context);
      if (value === null) continue;
      const start = offset + match.index;
      findings.push({
        value,
        rule: rule.id,
        evidence: { text: match[0], start, end: start + match[0].length },
      });
    }
  }
  return findings.sort((a, b) => a.evidence.start - b.evidence.start);
}
