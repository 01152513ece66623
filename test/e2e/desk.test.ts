/**
 * End to end in Debian's Chromium (playwright-core, never a downloaded browser): search → article with highlights →
 * map with a filter → entity page, then timeline, network and transfers; a screenshot of each view goes to test-output/.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { buildApp } from '../../src/server/app.js';
import { makeTestStore, type TestStore } from '../server/fixtures.js';
import { buildDemoStories } from '../server/demo-stories.js';
import { IS_CI } from '../helpers.js';
import { ensureWebBuilt, findChromium, openDeskBrowser, SHOTS, type DeskBrowser } from './chromium.js';

const executablePath = findChromium();
const missing = executablePath === null ? 'chromium is not installed (apt-get install -y chromium); the end-to-end desk tests need it' : null;

// In CI a missing browser is a failing test (counted in the summary), never a skip.
if (missing !== null && IS_CI) {
  test('Chromium is installed for the end-to-end desk tests', () => {
    assert.fail(`${missing} (CI=true)`);
  });
}

describe('the desk in Chromium', { skip: missing !== null ? (IS_CI ? missing : `${missing}; skipped outside CI`) : false }, () => {
  let fixture: TestStore;
  let app: FastifyInstance;
  let base: string;
  let browser: DeskBrowser;
  let page: Page;
  const problems: string[] = [];
  let external: string[] = [];

  before(async () => {
    ensureWebBuilt();
    mkdirSync(SHOTS, { recursive: true });
    fixture = await makeTestStore({ withDemo: true });
    // The fixture stores pages one by one; stories and grades are built as `watchfloor ingest` would after a batch.
    await buildDemoStories(fixture.store);
    app = await buildApp({ store: fixture.store, config: fixture.config, rateLimit: { perSecond: 0, burst: 0 } });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    // Offline: anything not for our server is refused and remembered.
    browser = await openDeskBrowser(executablePath!, base);
    page = browser.page;
    external = browser.external;
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await fixture?.dispose();
  });

  /** Waits until the view for the current hash has finished rendering. */
  const settled = async (): Promise<void> => {
    await page.waitForFunction(() => document.getElementById('main')?.dataset['route'] === location.hash);
  };

  const shot = async (name: string): Promise<void> => {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  };

  test('search finds an article, with snippets and facets', async () => {
    await page.goto(`${base}/#/search`);
    await page.waitForSelector('.hit');
    assert.ok((await page.locator('.hit').count()) >= 5);
    await page.fill('#q', 'armoured vehicles');
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => location.hash.includes('q=armoured'));
    await settled();
    const titles = await page.locator('.hit h3').allTextContents();
    assert.ok(titles.some((t) => t.includes('Russia sends armoured vehicles to Tajikistan')), titles.join(' | '));
    assert.ok((await page.locator('.facet').count()) >= 3, 'facets are shown');
    await shot('search');
  });

  test('the reader highlights entities, dates and events, with details on hover and focus', async () => {
    await page.locator('.hit h3 a', { hasText: 'Russia sends armoured vehicles' }).click();
    await page.waitForSelector('.article-text .hl-entity');
    assert.equal(await page.locator('h1').textContent(), 'Russia sends armoured vehicles to Tajikistan');
    assert.ok((await page.locator('.article-text .hl-entity').count()) >= 4);
    assert.equal(await page.locator('.article-text .hl-date').count(), 1);
    assert.equal(await page.locator('.article-text .hl-event').count(), 1);
    await page.focus('.article-text .hl-event');
    const tip = page.locator('#tip');
    await tip.waitFor({ state: 'visible' });
    const text = (await tip.textContent()) ?? '';
    for (const part of ['CAMEO 072', 'asserted', 'defence ministry', 'Russia has sent 12 armoured vehicles']) assert.ok(text.includes(part), `tip lacks ${part}: ${text}`);
    await page.focus('.article-text .hl-date');
    assert.ok(((await tip.textContent()) ?? '').includes('2021-09-10'));
    await page.hover('.article-text a.hl-entity[data-entity="person:sergei-shoigu"]');
    assert.ok(((await tip.textContent()) ?? '').includes('Defence Minister'));
    const raw = page.locator('#raw-link');
    const rawHref = await raw.getAttribute('href');
    const rawAnswer = await page.request.get(`${base}${rawHref}`);
    assert.match(rawAnswer.headers()['content-type'] ?? '', /^text\/plain/);
    await page.mouse.move(0, 0);
    await shot('reader');
  });

  test('text from pages is shown as text, never run', async () => {
    const hits = await page.request.get(`${base}/api/search?q=consultations%20Dushanbe`);
    const id = ((await hits.json()) as { hits: Array<{ id: number }> }).hits[0]?.id;
    assert.ok(id);
    await page.goto(`${base}/#/article/${id}`);
    // Only the hash changes: wait for this article's heading, not the previous article's still on screen.
    await page.locator('h1', { hasText: 'hold talks' }).waitFor();
    assert.match((await page.locator('h1').textContent()) ?? '', /<img src=x onerror=alert\(1\)>/);
    assert.equal(await page.locator('main img').count(), 0);
  });

  test('the map draws the world and events, and filters by event type', async () => {
    await page.click('.nav a[data-view="map"]');
    await page.waitForSelector('svg.map .land');
    const all = await page.locator('svg.map circle.event').count();
    assert.ok(all >= 5, `circles: ${all}`);
    assert.ok((await page.locator('svg.map rect.place').count()) >= 2);
    await page.selectOption('#map-type', 'AID');
    await page.click('.filter-form button[type="submit"]');
    await page.waitForFunction(() => location.hash.includes('type=AID'));
    await settled();
    const filtered = await page.locator('.event-list li').allTextContents();
    assert.ok(filtered.length >= 1 && filtered.length < all + 10, filtered.join(' | '));
    assert.ok(filtered.every((t) => t.includes(' AID ')), filtered.join(' | '));
    await page.fill('#map-since', '2023-01-01');
    await page.click('.filter-form button[type="submit"]');
    await page.waitForFunction(() => location.hash.includes('since=2023-01-01'));
    await settled();
    const later = await page.locator('.event-list li').allTextContents();
    assert.ok(later.every((t) => t.slice(0, 10) >= '2023-01-01'), later.join(' | '));
    await page.goto(`${base}/#/map`);
    await page.waitForFunction(() => document.querySelectorAll('svg.map circle.event').length >= 5);
    await shot('map');
  });

  test('an entity page shows events as source and as target and who appears with it', async () => {
    await page.goto(`${base}/#/article/1`);
    await page.waitForSelector('.article-text');
    await page.goto(`${base}/#/search?q=Tajikistan%20armoured`);
    await page.locator('.hit h3 a').first().click();
    await page.locator('.article-text a.hl-entity', { hasText: 'Russia' }).first().click();
    await page.waitForFunction(() => location.hash === '#/entity/country%3ARUS' || location.hash === '#/entity/country:RUS');
    await page.waitForSelector('.entity-head h1');
    assert.equal(await page.locator('.entity-head h1').textContent(), 'Russia');
    const headings = await page.locator('h2').allTextContents();
    assert.ok(headings.some((t) => /^As source \(\d+\)$/.test(t)), headings.join(' | '));
    assert.ok(headings.some((t) => /^As target \(\d+\)$/.test(t)), headings.join(' | '));
    assert.ok((await page.locator('svg.chart rect').count()) >= 1);
    const together = await page.locator('.ranked li').allTextContents();
    assert.ok(together.some((t) => t.includes('Tajikistan')), together.join(' | '));
    await shot('entity');
  });

  test('the timeline stacks events by type per month', async () => {
    await page.click('.nav a[data-view="timeline"]');
    // The entity page before it has a chart too: wait for the timeline's own render.
    await page.waitForFunction(() => location.hash.startsWith('#/timeline'));
    await settled();
    await page.waitForSelector('svg.chart rect');
    assert.ok((await page.locator('svg.chart .bar').count()) >= 4);
    const legend = await page.locator('.legend li').allTextContents();
    assert.ok(legend.includes('ACCUSE'), legend.join(' | '));
    await shot('timeline');
  });

  test('the network links actors with edges coloured by QuadClass', async () => {
    await page.click('.nav a[data-view="network"]');
    await page.waitForSelector('svg.network path.edge');
    assert.ok((await page.locator('svg.network path.edge').count()) >= 5);
    const classes = await page.locator('svg.network path.edge').evaluateAll((edges) => [...new Set(edges.map((e) => e.getAttribute('class')))]);
    assert.ok(classes.length >= 2, `edge colours: ${classes.join(', ')}`);
    assert.ok((await page.locator('svg.network .node').count()) >= 6);
    await shot('network');
  });

  test('the transfer register sorts and downloads as CSV', async () => {
    await page.click('.nav a[data-view="transfers"]');
    await page.waitForSelector('#transfer-table tbody tr');
    assert.ok((await page.locator('#transfer-table tbody tr').count()) >= 2);
    await page.locator('#transfer-table th button', { hasText: 'Quantity' }).click();
    await page.waitForFunction(() => location.hash.includes('sort=quantity'));
    await settled();
    await page.waitForSelector('th[aria-sort="descending"]');
    const quantities = (await page.locator('#transfer-table td.num').allTextContents()).map(Number);
    assert.deepEqual(quantities, [...quantities].sort((a, b) => b - a));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#transfers-csv')]);
    assert.equal(download.suggestedFilename(), 'watchfloor-transfers.csv');
    await shot('transfers');
  });

  test('the stories view lists clusters told by several outlets', async () => {
    await page.click('.nav a[data-view="stories"]');
    await page.waitForSelector('#story-table tbody tr');
    assert.equal(await page.locator('.nav a[aria-current="page"]').getAttribute('data-view'), 'stories');
    assert.ok((await page.locator('#story-table tbody tr').count()) >= 5);
    const outlets = (await page.locator('#story-table tbody td.num:nth-child(3)').allTextContents()).map(Number);
    assert.ok(outlets.some((n) => n >= 3), `outlet counts: ${outlets.join(', ')}`);
    await shot('stories');
  });

  test('a story shows its outlets with reliability grades and flags, and its events with credibility', async () => {
    await page.locator('#story-table .story-link', { hasText: /Tajikistan.*armou?r/ }).first().click();
    await page.waitForSelector('#story-articles tbody tr');
    await settled();
    assert.match((await page.locator('h1').textContent()) ?? '', /Tajikistan/);
    const names = new Set(await page.locator('#story-articles .outlet-name').allTextContents());
    assert.ok(names.size >= 2, `outlets: ${[...names].join(', ')}`);
    assert.ok(names.has('Meridian Wire') && names.has('Sever News Agency'), [...names].join(', '));
    const letters = await page.locator('#story-articles .grade-rel').allTextContents();
    assert.ok(letters.length >= 2 && letters.every((l) => /^[A-F]$/.test(l)), letters.join(' '));
    assert.ok(letters.includes('B'), 'Meridian Wire is graded B');
    assert.ok((await page.locator('#story-articles .flag-state').count()) >= 1, 'Sever is flagged state-affiliated');
    const digits = await page.locator('#story-events .grade-cred').allTextContents();
    assert.ok(digits.length >= 2 && digits.every((d) => /^[1-6]$/.test(d)), digits.join(' '));
    const pairs = await page.locator('#story-events .grade-pair').allTextContents();
    assert.ok(pairs.some((p) => /^[A-F][1-6]$/.test(p)), pairs.join(' '));
    assert.ok(await page.locator('.grades-legend').isVisible());
    await shot('story');
    await page.click('#theme-toggle');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('story-dark');
    await page.click('#theme-toggle');
  });

  test('from a story, the keyboard opens an article whose reader shows the outlet grade and event credibility', async () => {
    const meridian = page.locator('#story-articles tr', { hasText: 'Meridian Wire' }).locator('a').first();
    await meridian.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.startsWith('#/article/'));
    await settled();
    assert.equal(await page.locator('#outlet-grade .outlet-name').textContent(), 'Meridian Wire');
    assert.equal(await page.locator('#outlet-grade .grade-rel').textContent(), 'B');
    const badges = await page.locator('#reader-events .grade').allTextContents();
    assert.ok(badges.some((b) => /^B[1-6]$/.test(b)), badges.join(' '));
    await page.focus('.article-text .hl-event');
    const tip = (await page.locator('#tip').textContent()) ?? '';
    assert.match(tip, /Credibility[1-6] /);
    assert.ok(await page.locator('#story-link').isVisible());
    await page.mouse.move(0, 0);
    await shot('story-reader');
  });

  test('keyboard: the skip link comes first and moves focus to the content; the theme toggles', async () => {
    await page.goto(`${base}/#/search`);
    await page.reload();
    await page.waitForSelector('.hit');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'skip-link');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await page.click('#theme-toggle');
    assert.equal(await page.evaluate(() => document.documentElement.dataset['theme']), 'dark');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('search-dark');
    await page.click('#theme-toggle');
    assert.equal(await page.evaluate(() => document.documentElement.dataset['theme']), 'light');
  });

  test('nothing was fetched from elsewhere and nothing broke the page or the CSP', () => {
    assert.deepEqual(external, []);
    assert.deepEqual(problems, []);
  });
});
