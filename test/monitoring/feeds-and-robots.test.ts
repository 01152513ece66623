import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFeed, assertSafeXml } from '../../src/watch/read-feed.js';
import { isAllowedByRobots, parseRobots } from '../../src/watch/robots.js';
import { fetchLimitsFrom, loadSources, watchSettingsFrom } from '../../src/watch/sources.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { OutletDirectory } from '../../src/reliability/outlet-directory.js';
import { createContext, DEFAULT_LIMITS } from '../../src/core/context.js';

test('feeds: RSS and Atom items with links resolved against the feed URL', () => {
  const xml =
    '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A &amp; B</title><link>../corpus/a.html</link>' +
    '<guid isPermaLink="false">id-1</guid><pubDate>Wed, 12 Jul 2023 06:20:00 +0000</pubDate></item><item><title>No link</title><guid>id-2</guid></item></channel></rss>';
  const rss = readFeed(Buffer.from(xml), 'test.rss', 'http://feeds.test/feeds/test.rss');
  assert.equal(rss.format, 'rss');
  assert.deepEqual(rss.items, [
    { id: 'id-1', url: 'http://feeds.test/corpus/a.html', title: 'A & B', published: '2023-07-12T06:20:00.000Z' },
    { id: 'id-2', url: null, title: 'No link', published: null },
  ]);
  const demo = readFeed(
    readFileSync('demo/feeds/meridian-wire.rss.xml'),
    'meridian.rss',
    'http://feeds.test/feeds/meridian.rss',
  );
  assert.ok(
    demo.items.length > 0 && demo.items.every((i) => i.url?.startsWith('http://feeds.test/corpus/meridian-wire/')),
  );
  const atom = readFeed(
    readFileSync('demo/feeds/baltic-courier.atom.xml'),
    'baltic.atom',
    'http://feeds.test/feeds/baltic.atom',
  );
  assert.equal(atom.format, 'atom');
  assert.ok(atom.items.every((i) => i.url?.startsWith('http://feeds.test/corpus/baltic-courier/')));
  const json = readFeed(
    Buffer.from(
      JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 't', items: [{ id: 'x', url: '/a' }] }),
    ),
    'j',
    'http://feeds.test/f.json',
  );
  assert.deepEqual(json.items, [{ id: 'x', url: 'http://feeds.test/a', title: null, published: null }]);
});

test('feeds: DOCTYPE and ENTITY declarations are refused before parsing; garbage fails with the feed named', () => {
  assert.throws(
    () => assertSafeXml('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><rss/>', 'evil.xml'),
    /evil\.xml: refused: the document declares <!DOCTYPE>/,
  );
  assert.throws(
    () => assertSafeXml('<rss><!ENTITY a SYSTEM "file:///etc/passwd"></rss>', 'xxe.xml'),
    /declares <!ENTITY>/,
  );
  assert.throws(() => readFeed(Buffer.from('plain words'), 'bad.xml', 'http://x/'), /bad\.xml: not XML or JSON/);
  assert.throws(() => readFeed(Buffer.from('{"not": "a feed"'), 'bad.json', 'http://x/'), /bad\.json: not a readable/);
});

test('robots.txt: our group or *, longest match wins, Allow wins ties, wildcards and $', () => {
  const rules = parseRobots(
    'User-agent: other\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\nAllow: /private/open\nDisallow: /*.pdf$\nCrawl-delay: 2\n',
    'watchfloor',
  );
  assert.equal(rules.crawlDelay, 2);
  const cases: Array<[string, boolean]> = [
    ['/news/a.html', true],
    ['/private/x', false],
    ['/private/open/y', true],
    ['/doc.pdf', false],
    ['/doc.pdf?x=1', true],
  ];
  for (const [path, expected] of cases) assert.equal(isAllowedByRobots(rules, path), expected, path);
  const named = parseRobots('User-agent: *\nAllow: /\n\nUser-agent: Watchfloor\nDisallow: /feeds/\n', 'watchfloor');
  assert.equal(isAllowedByRobots(named, '/feeds/x.rss'), false);
});

test('sources: grades from config over data/outlets.json defaults; unknown outlets are F', () => {
  const sources = loadSources({
    db: ':memory:',
    host: '127.0.0.1',
    port: 0,
    token: null,
    limits: DEFAULT_LIMITS,
    sources: [
      {
        name: 'Sever News Agency',
        host: 'www.severnews.example',
        kind: 'state',
        stateAffiliated: true,
        reliability: 'D',
        slug: 'sever-news',
      },
      { name: 'Reuters', url: 'https://www.reuters.com/world/rss', reliability: 'A' },
    ],
  });
  assert.equal(sources[1]!.type, 'feed');
  const directory = new OutletDirectory(sources, createContext().data);
  assert.equal(
    directory.identify({ publisher: null, url: 'https://www.reuters.com/x', origin: null }).reliability,
    'A',
  );
  assert.equal(
    directory.identify({ publisher: null, url: 'https://tass.com/politics/1', origin: null }).isStateAffiliated,
    true,
  );
  assert.equal(
    directory.identify({ publisher: null, url: null, origin: 'demo/corpus/sever-news/a.html' }).name,
    'Sever News Agency',
  );
  const unknown = directory.identify({ publisher: 'Nowhere Gazette', url: null, origin: null });
  assert.deepEqual([unknown.name, unknown.reliability, unknown.gradeOrigin], ['Nowhere Gazette', 'F', 'unknown']);
  assert.throws(
    () =>
      loadSources({
        db: '',
        host: '',
        port: 0,
        token: null,
        limits: DEFAULT_LIMITS,
        sources: [{ name: 'x', reliability: 'Z' }],
      }),
    /reliability: expected one of A–F/,
  );
});

test('watch and fetch settings: defaults, overrides, and clear errors for bad values', () => {
  assert.equal(watchSettingsFrom({ ...DEFAULT_CONFIG, watch: { hostIntervalMs: 0 } }).hostIntervalMs, 0);
  assert.throws(
    () => watchSettingsFrom({ ...DEFAULT_CONFIG, watch: { concurrency: 0 } }),
    /watch\.concurrency: expected a positive number/,
  );
  assert.deepEqual(fetchLimitsFrom({ ...DEFAULT_CONFIG, fetch: { allowAddresses: ['127.0.0.1'] } }).allowAddresses, [
    '127.0.0.1',
  ]);
  assert.throws(
    () => fetchLimitsFrom({ ...DEFAULT_CONFIG, fetch: { allowAddresses: '127.0.0.1' } }),
    /fetch\.allowAddresses/,
  );
  assert.throws(() => fetchLimitsFrom({ ...DEFAULT_CONFIG, fetch: { timeoutMs: -1 } }), /fetch\.timeoutMs/);
});
