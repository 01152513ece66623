/** The stories and reliability API over the demo corpus: a story's outlets carry Admiralty grades and flags, its events credibility. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { makeTestStore, type TestStore } from './fixtures.js';
import { buildDemoStories } from './demo-stories.js';

let fixture: TestStore;
let app: FastifyInstance;

before(async () => {
  fixture = await makeTestStore({ withDemo: true });
  await buildDemoStories(fixture.store);
  app = await buildApp({ store: fixture.store, config: fixture.config, rateLimit: { perSecond: 0, burst: 0 } });
});

after(async () => {
  await app?.close();
  await fixture?.dispose();
});

async function getJson(url: string): Promise<{ status: number; body: any }> {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() };
}

/** The demo's Russia–Tajikistan armour story (told by Meridian Wire, Sever and Sentinel Digest). */
async function tajikStory(): Promise<any> {
  const list = await getJson('/api/stories?minOutlets=2&limit=1000');
  assert.equal(list.status, 200);
  const found = list.body.find((s: any) => /Tajikistan/.test(s.headline ?? '') && /armou?r/i.test(s.headline ?? ''));
  assert.ok(found, `no Russia–Tajikistan story among: ${list.body.map((s: any) => s.headline).join(' | ')}`);
  const story = await getJson(`/api/stories/${found.id}`);
  assert.equal(story.status, 200);
  return story.body;
}

describe('stories with grades', () => {
  test('the story lists its outlets with reliability grades from the sources file', async () => {
    const story = await tajikStory();
    assert.ok(story.outletCount >= 3, `outlets: ${story.outlets.join(', ')}`);
    const grades = new Map(story.articles.map((a: any) => [a.outlet, a.reliability]));
    assert.equal(grades.get('Meridian Wire'), 'B');
    assert.equal(grades.get('Sever News Agency'), 'D');
    for (const a of story.articles) assert.match(a.reliability, /^[A-F]$/);
  });

  test('its events carry credibility 1–6, the corroborated armour delivery confirmed', async () => {
    const story = await tajikStory();
    const graded = story.events.filter((e: any) => e.credibility !== null);
    assert.ok(graded.length >= 3, `graded events: ${graded.length} of ${story.events.length}`);
    for (const e of graded) {
      assert.ok(
        Number.isInteger(e.credibility.grade) && e.credibility.grade >= 1 && e.credibility.grade <= 6,
        JSON.stringify(e.credibility),
      );
      assert.equal(e.credibility.storyId, story.id);
      assert.ok(e.credibility.reason.length > 0);
    }
    const delivery = graded.filter((e: any) => e.cameo === '072' && e.targetCode === 'TJK');
    assert.ok(delivery.length >= 2, 'the aid to Tajikistan is read from several outlets');
    assert.ok(
      delivery.some((e: any) => e.credibility.grade <= 2 && e.credibility.independentSources >= 2),
      JSON.stringify(delivery.map((e: any) => e.credibility)),
    );
  });

  test('outlets carry flags: Sever is state-affiliated', async () => {
    const { status, body } = await getJson('/api/outlets');
    assert.equal(status, 200);
    const sever = body.find((o: any) => o.name === 'Sever News Agency');
    assert.ok(sever, 'Sever is a known outlet');
    assert.equal(sever.isStateAffiliated, true);
    assert.equal(sever.reliability, 'D');
  });

  test("an article's reliability: its outlet, story and graded events", async () => {
    const story = await tajikStory();
    const meridian = story.articles.find((a: any) => a.outlet === 'Meridian Wire');
    assert.ok(meridian);
    const { status, body } = await getJson(`/api/articles/${meridian.id}/reliability`);
    assert.equal(status, 200);
    assert.equal(body.storyId, story.id);
    assert.equal(body.outlet.name, 'Meridian Wire');
    assert.equal(body.outlet.reliability, 'B');
    const ids = new Set(
      story.events.filter((e: any) => e.articleId === meridian.id && e.credibility).map((e: any) => e.id),
    );
    assert.deepEqual(new Set(body.events.map((c: any) => c.eventId)), ids);
  });

  test('unknown articles and stories are 404s', async () => {
    assert.equal((await getJson('/api/articles/999999/reliability')).status, 404);
    assert.equal((await getJson('/api/stories/999999')).status, 404);
  });
});
