/**
 * A small hand-written corpus for the desk's tests: five analysed articles with entities, dates, events and
 * transfers at known spans, stored straight through Store.putIngest (no pipeline), plus the demo corpus when asked.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Analysis } from '../../src/analysis.js';
import type { Entity, EntityType, Event, Transfer, DateFinding } from '../../src/core/doc.js';
import { createContext } from '../../src/core/context.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { ingestOne } from '../../src/ingest.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';

export const DEMO_CORPUS = path.resolve(import.meta.dirname, '../../demo/corpus');

interface EntitySpec {
  id: string;
  name: string;
  type: EntityType;
  code: string | null;
  lat?: number;
  lon?: number;
  role?: string;
  /** The words to find in the text (every occurrence is a mention). */
  words: string[];
}

interface EventSpec {
  cameo: string;
  plover: string;
  quadClass: 1 | 2 | 3 | 4;
  goldstein: number;
  source: [string, string];
  target: [string, string];
  date: string;
  modality: Event['modality'];
  speaker?: string;
  place?: [string, number, number];
  /** The sentence the event is read from (must be in the text). */
  evidence: string;
}

interface ArticleSpec {
  title: string;
  source: string;
  section: string;
  published: string;
  url: string;
  paragraphs: string[];
  entities: EntitySpec[];
  dates: Array<[string, string]>;
  events: EventSpec[];
  transfers: Array<Omit<Transfer, 'evidence'> & { evidence: string }>;
}

const RUS: EntitySpec = { id: 'country:RUS', name: 'Russia', type: 'country', code: 'RUS', lat: 61.5, lon: 105.3, words: ['Russia'] };
const TJK: EntitySpec = { id: 'country:TJK', name: 'Tajikistan', type: 'country', code: 'TJK', lat: 38.9, lon: 71.3, words: ['Tajikistan'] };
const POL: EntitySpec = { id: 'country:POL', name: 'Poland', type: 'country', code: 'POL', lat: 52.1, lon: 19.4, words: ['Poland'] };
const KOR: EntitySpec = { id: 'country:KOR', name: 'South Korea', type: 'country', code: 'KOR', lat: 36.5, lon: 127.9, words: ['South Korea'] };
const PRK: EntitySpec = { id: 'country:PRK', name: 'North Korea', type: 'country', code: 'PRK', lat: 40.3, lon: 127.5, words: ['North Korea'] };
const JPN: EntitySpec = { id: 'country:JPN', name: 'Japan', type: 'country', code: 'JPN', lat: 36.2, lon: 138.3, words: ['Japan'] };
const UKR: EntitySpec = { id: 'country:UKR', name: 'Ukraine', type: 'country', code: 'UKR', lat: 49.0, lon: 31.4, words: ['Ukraine'] };

/** The fixture articles: facts kept simple and plausible, text written for these tests. */
export const FIXTURE_ARTICLES: readonly ArticleSpec[] = [
  {
    title: 'Russia sends armoured vehicles to Tajikistan',
    source: 'Fixture Wire',
    section: 'Defence',
    published: '2021-09-11T12:00:00Z',
    url: 'https://fixture.example/russia-tajikistan',
    paragraphs: [
      'Russia has sent 12 armoured vehicles to Tajikistan, the defence ministry said on Friday.',
      'Defence Minister Sergei Shoigu said the vehicles would reinforce the base near Dushanbe.',
    ],
    entities: [
      RUS,
      TJK,
      { id: 'person:sergei-shoigu', name: 'Sergei Shoigu', type: 'person', code: 'RUSGOV', role: 'Defence Minister', words: ['Sergei Shoigu'] },
      { id: 'place:dushanbe', name: 'Dushanbe', type: 'place', code: null, lat: 38.56, lon: 68.78, words: ['Dushanbe'] },
    ],
    dates: [['on Friday', '2021-09-10']],
    events: [
      {
        cameo: '072', plover: 'AID', quadClass: 2, goldstein: 7.4, source: ['Russia', 'RUSMIL'], target: ['Tajikistan', 'TJK'],
        date: '2021-09-10', modality: 'asserted', speaker: 'defence ministry', place: ['Dushanbe', 38.56, 68.78],
        evidence: 'Russia has sent 12 armoured vehicles to Tajikistan, the defence ministry said on Friday.',
      },
    ],
    transfers: [
      {
        supplier: 'RUS', recipient: 'TJK', items: [{ count: 12, item: 'armoured vehicles', category: 'armoured vehicles' }],
        status: 'delivered', date: '2021-09-10',
        evidence: 'Russia has sent 12 armoured vehicles to Tajikistan, the defence ministry said on Friday.',
      },
    ],
  },
  {
    title: 'Poland signs deal for 180 K2 tanks from South Korea',
    source: 'Fixture Ledger',
    section: 'Procurement',
    published: '2022-08-27T07:30:00Z',
    url: 'https://fixture.example/poland-k2',
    paragraphs: [
      'Poland signed a contract on 26 August 2022 for 180 K2 tanks from South Korea.',
      'Deliveries of the first tanks to Poland are planned for December.',
    ],
    entities: [POL, KOR],
    dates: [['26 August 2022', '2022-08-26']],
    events: [
      {
        cameo: '057', plover: 'AGREE', quadClass: 1, goldstein: 8, source: ['Poland', 'POLGOV'], target: ['South Korea', 'KOR'],
        date: '2022-08-26', modality: 'asserted', place: ['Warsaw', 52.23, 21.01],
        evidence: 'Poland signed a contract on 26 August 2022 for 180 K2 tanks from South Korea.',
      },
    ],
    transfers: [
      {
        supplier: 'KOR', recipient: 'POL', items: [{ count: 180, item: 'K2 tanks', category: 'tanks' }], status: 'ordered', date: '2022-08-26',
        evidence: 'Poland signed a contract on 26 August 2022 for 180 K2 tanks from South Korea.',
      },
    ],
  },
  {
    title: 'North Korea test-fires Hwasong-18 missile toward the sea off Japan',
    source: 'Fixture Wire',
    section: 'Missiles',
    published: '2023-07-12T09:00:00Z',
    url: 'https://fixture.example/hwasong-18',
    paragraphs: [
      'North Korea launched a Hwasong-18 solid-fuel missile on Wednesday, officials in Japan said.',
      'Japan protested the launch through diplomatic channels.',
    ],
    entities: [PRK, JPN],
    dates: [['on Wednesday', '2023-07-12']],
    events: [
      {
        cameo: '150', plover: 'MOBILIZE', quadClass: 4, goldstein: -7.2, source: ['North Korea', 'PRKMIL'], target: ['Japan', 'JPN'],
        date: '2023-07-12', modality: 'reported', speaker: 'officials in Japan', place: ['Sea of Japan', 40.0, 135.0],
        evidence: 'North Korea launched a Hwasong-18 solid-fuel missile on Wednesday, officials in Japan said.',
      },
      {
        cameo: '111', plover: 'ACCUSE', quadClass: 3, goldstein: -2, source: ['Japan', 'JPNGOV'], target: ['North Korea', 'PRK'],
        date: '2023-07-12', modality: 'asserted', place: ['Tokyo', 35.68, 139.69],
        evidence: 'Japan protested the launch through diplomatic channels.',
      },
    ],
    transfers: [],
  },
  {
    title: 'Russia accuses Ukraine of shelling near the Zaporizhzhia plant',
    source: 'Fixture Ledger',
    section: 'Nuclear',
    published: '2022-09-01T15:00:00Z',
    url: 'https://fixture.example/zaporizhzhia',
    paragraphs: [
      'Russia accused Ukraine on Thursday of shelling the area around the Zaporizhzhia nuclear plant.',
      'Ukraine rejected the claim.',
    ],
    entities: [RUS, UKR, { id: 'place:zaporizhzhia', name: 'Zaporizhzhia', type: 'place', code: null, lat: 47.5, lon: 34.6, words: ['Zaporizhzhia'] }],
    dates: [['on Thursday', '2022-09-01']],
    events: [
      {
        cameo: '112', plover: 'ACCUSE', quadClass: 3, goldstein: -2, source: ['Russia', 'RUSGOV'], target: ['Ukraine', 'UKR'],
        date: '2022-09-01', modality: 'asserted', place: ['Zaporizhzhia', 47.5, 34.6],
        evidence: 'Russia accused Ukraine on Thursday of shelling the area around the Zaporizhzhia nuclear plant.',
      },
      {
        cameo: '120', plover: 'REJECT', quadClass: 3, goldstein: -4, source: ['Ukraine', 'UKRGOV'], target: ['Russia', 'RUS'],
        date: '2022-09-01', modality: 'asserted', evidence: 'Ukraine rejected the claim.',
      },
    ],
    transfers: [],
  },
  {
    // A title with markup in it: the desk must show it as text, never run it.
    title: 'Sever <img src=x onerror=alert(1)> notes: Russia and Tajikistan hold talks',
    source: 'Fixture Wire',
    section: 'Diplomacy',
    published: '2023-03-02T10:00:00Z',
    url: 'https://fixture.example/talks',
    paragraphs: ['Russia and Tajikistan held consultations in Dushanbe on 1 March 2023 about border security.'],
    entities: [RUS, TJK, { id: 'place:dushanbe', name: 'Dushanbe', type: 'place', code: null, lat: 38.56, lon: 68.78, words: ['Dushanbe'] }],
    dates: [['1 March 2023', '2023-03-01']],
    events: [
      {
        cameo: '040', plover: 'CONSULT', quadClass: 1, goldstein: 1, source: ['Russia', 'RUSGOV'], target: ['Tajikistan', 'TJKGOV'],
        date: '2023-03-01', modality: 'asserted', place: ['Dushanbe', 38.56, 68.78],
        evidence: 'Russia and Tajikistan held consultations in Dushanbe on 1 March 2023 about border security.',
      },
    ],
    transfers: [],
  },
];

function spanOf(text: string, needle: string): { text: string; start: number; end: number } {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: "${needle}" is not in the text`);
  return { text: needle, start, end: start + needle.length };
}

/** The contract's analysis for one fixture article. */
export function fixtureAnalysis(spec: ArticleSpec): Analysis {
  const text = spec.paragraphs.join('\n\n');
  const entities: Entity[] = spec.entities.map((e) => {
    const mentions = e.words.flatMap((word) => [...text.matchAll(new RegExp(word, 'g'))].map((m) => ({ text: word, start: m.index, end: m.index + word.length })));
    return {
      id: e.id, name: e.name, type: e.type, code: e.code, role: e.role ?? null, affiliation: null,
      lat: e.lat ?? null, lon: e.lon ?? null, mentions,
    };
  });
  const dates: DateFinding[] = spec.dates.map(([words, value]) => ({ ...spanOf(text, words), value, precision: 'day' }));
  const events: Event[] = spec.events.map((e) => ({
    cameo: e.cameo, plover: e.plover, quadClass: e.quadClass, goldstein: e.goldstein,
    source: { name: e.source[0], code: e.source[1] }, target: { name: e.target[0], code: e.target[1] },
    date: e.date, precision: 'day', modality: e.modality, quantities: [],
    location: e.place ? { name: e.place[0], lat: e.place[1], lon: e.place[2] } : null,
    attribution: { speaker: e.speaker ?? null, via: [] }, evidence: spanOf(text, e.evidence), rule: 'fixture/event',
  }));
  const transfers: Transfer[] = spec.transfers.map((t) => ({ ...t, evidence: spanOf(text, t.evidence) }));
  return {
    contract: 1,
    article: { title: spec.title, text, publisher: spec.source, source: spec.source, section: spec.section, byline: null, published: spec.published, language: 'en', url: spec.url },
    entities, dates, events, transfers,
    sections: [{ kind: 'section', name: spec.section, evidence: [] }],
    messages: [],
  };
}

/** Stores every fixture article (a small HTML capture and its analysis); returns their article ids in order. */
export async function putFixtures(store: SqliteStore): Promise<number[]> {
  const ids: number[] = [];
  for (const spec of FIXTURE_ARTICLES) {
    const analysis = fixtureAnalysis(spec);
    // The title goes into the page as written, markup and all, so the raw view is tested with it.
    const html = `<!doctype html><html><head><title>${spec.title}</title></head><body><article><h1>${spec.title}</h1>${spec.paragraphs.map((p) => `<p>${p}</p>`).join('')}</article><script>alert("raw")</script></body></html>`;
    const bytes = Buffer.from(html, 'utf8');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const stored = await store.putIngest({
      capture: { sha256, size: bytes.length, mediaType: 'text/html', origin: spec.url, capturedAt: spec.published, isGzipped: false },
      bytes,
      url: spec.url,
      analysis,
      failure: null,
      pipelineVersion: 'fixture',
    });
    if (stored.articleId === null) throw new Error(`fixture ${spec.url}: not stored`);
    ids.push(stored.articleId);
  }
  return ids;
}

/** Every page file of the demo corpus (.html, .htm, .txt), sorted. */
export function demoPages(dir = DEMO_CORPUS): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(html?|txt)(\.gz)?$/i.test(name)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

export interface TestStore {
  store: SqliteStore;
  config: Config;
  fixtureIds: number[];
  demoCount: number;
  dir: string;
  /** Closes the store and removes its folder. */
  dispose(): Promise<void>;
}

/** A SQLite store in a fresh temp folder with the fixtures and (unless told not to) the demo corpus ingested. */
export async function makeTestStore(options: { withDemo?: boolean; token?: string | null } = {}): Promise<TestStore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'watchfloor-desk-'));
  const store = new SqliteStore(path.join(dir, 'test.db'));
  await store.migrate();
  const config: Config = { ...DEFAULT_CONFIG, db: path.join(dir, 'test.db'), token: options.token ?? null, limits: { ...DEFAULT_CONFIG.limits } };
  const fixtureIds = await putFixtures(store);
  let demoCount = 0;
  if (options.withDemo !== false) {
    const ctx = createContext({ limits: config.limits });
    for (const file of demoPages()) {
      const outcome = await ingestOne(store, { origin: file, bytes: readFileSync(file) }, ctx);
      if (outcome.articleId !== null) demoCount += 1;
    }
  }
  return {
    store, config, fixtureIds, demoCount, dir,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An empty store served by the app with a write token and no rate limit; `dispose` closes the app, then the store. */
export async function makeTestApp(token: string): Promise<{ fixture: TestStore; app: FastifyInstance; dispose: () => Promise<void> }> {
  const fixture = await makeTestStore({ withDemo: false, token });
  const app = await buildApp({ store: fixture.store, config: fixture.config, rateLimit: { perSecond: 0, burst: 0 } });
  return {
    fixture,
    app,
    dispose: async () => {
      await app.close();
      await fixture.dispose();
    },
  };
}
