/** Sections and themes: each with the sentences that justify it; the page's own label kept. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COUNTRIES, sketchDoc } from './helpers/event-fixtures.js';
import { codeEvents } from '../src/stages/events/index.js';
import { registerTransfers } from '../src/stages/transfers/index.js';
import { fileSections } from '../src/stages/sections/index.js';
import { createContext } from '../src/core/context.js';

const ctx = createContext();
const TEXT =
  'Iran has enriched uranium to 60 percent, the IAEA said. Russia delivered 12 armored vehicles to Tajikistan. Hackers attacked Ukrainian power grids. The weather was mild.';

test('themes and sections come with their evidence sentences', () => {
  const doc = sketchDoc({ text: TEXT, entities: Object.values(COUNTRIES), section: 'Weapons of Mass Destruction (WMD)' });
  doc.events = codeEvents(doc, ctx);
  doc.transfers = registerTransfers(doc, ctx);
  const themes = fileSections(doc, ctx);
  const byName = new Map(themes.map((t) => [`${t.kind}:${t.name}`, t]));
  assert.ok(byName.has('page-section:Weapons of Mass Destruction (WMD)'));
  const nuclear = byName.get('theme:nuclear');
  assert.ok(nuclear);
  assert.match(nuclear.evidence[0]!.text, /^Iran has enriched uranium/);
  assert.ok(byName.get('theme:arms transfer')?.evidence.some((e) => e.text.startsWith('Russia delivered')));
  assert.ok(byName.get('theme:cyber'));
  assert.ok(byName.get('section:WMD and nonproliferation'));
  assert.ok(byName.get('section:Military and arms trade'));
  assert.ok(byName.get('section:Space and cyber'));
  for (const theme of themes) {
    for (const e of theme.evidence) assert.equal(doc.article!.text.slice(e.start, e.end), e.text);
    assert.ok(!theme.evidence.some((e) => e.text.includes('weather')), `${theme.name} cites an unrelated sentence`);
  }
});

test('an article about nothing on the desk gets no section', () => {
  const doc = sketchDoc({ text: 'The weather was mild and the harvest good.' });
  doc.events = codeEvents(doc, ctx);
  doc.transfers = registerTransfers(doc, ctx);
  assert.deepEqual(fileSections(doc, ctx), []);
});

test('sections need the events and transfers stages to have run (no silent empty lists)', () => {
  const doc = sketchDoc({ text: 'Hackers attacked the power grid.' });
  assert.throws(() => fileSections(doc, ctx), /stage needs "events", which has not run/);
});
