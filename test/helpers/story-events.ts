/** The events a short story gives, and a one-line view of one, for the events tests. */
import { createContext } from '../../src/core/context.js';
import { analyzeInput } from '../../src/analysis.js';
import type { Event } from '../../src/core/doc.js';

const ctx = createContext({ now: new Date('2024-03-15T10:00:00Z') });

export function eventsOf(text: string): Event[] {
  const doc = analyzeInput({ origin: 'story.txt', bytes: Buffer.from(text), isRaw: true, published: '2024-03-15T10:00:00' }, ctx);
  return doc.events ?? [];
}

export function show(e: Event): string {
  return `${e.plover} ${e.source?.code ?? '-'}>${e.target?.code ?? '-'} ${e.modality} [${e.trigger?.text ?? ''}]`;
}
