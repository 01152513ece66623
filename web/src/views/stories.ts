/** Story clusters: the list of stories (#/stories) and one story (#/story/:id) with its outlets' grades and its events' credibility. */
import { getJson } from '../api.js';
import { day, h, link, notice } from '../dom.js';
import { go, hashFor, type Route } from '../router.js';
import {
  admiraltyBadge,
  credibilityBadge,
  gradesLegend,
  outletFlags,
  reliabilityBadge,
  type Outlet,
  type Story,
  type StorySummary,
} from '../grades.js';

const PAGE = 100;

/** "German (de)" for a language code, by the browser's own names; "unknown" when none was detected. */
function languageName(code: string | null): string {
  if (!code) return 'unknown';
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** "2021-09-11" or "2021-09-11 – 2021-09-12". */
function span(first: string | null, last: string | null): string {
  const a = day(first);
  const b = day(last);
  return a === b || !last ? a : `${a} – ${b}`;
}

export async function renderStories(main: HTMLElement, route: Route): Promise<void> {
  const p = route.params;
  const minOutlets = Math.max(1, Math.min(1000, Number(p.get('min')) || 1));
  const offset = Math.max(0, Number(p.get('offset')) || 0);
  const stories = await getJson<StorySummary[]>('stories', { minOutlets, limit: PAGE, offset });

  const choice = h(
    'select',
    { id: 'st-min' },
    h('option', { value: '1' }, 'any number of outlets'),
    h('option', { value: '2' }, 'two or more outlets'),
    h('option', { value: '3' }, 'three or more outlets'),
  );
  choice.value = String(Math.min(minOutlets, 3));
  const form = h(
    'form',
    { class: 'filter-form', 'aria-label': 'Filter stories' },
    h('label', { for: 'st-min' }, 'Told by'),
    choice,
    h('button', { type: 'submit' }, 'Apply'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go('stories', { min: choice.value === '1' ? undefined : choice.value });
  });

  const table = h(
    'table',
    { class: 'data-table', id: 'story-table' },
    h(
      'caption',
      {},
      `${stories.length}${stories.length === PAGE ? '+' : ''} stor${stories.length === 1 ? 'y' : 'ies'}, newest first`,
    ),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'First seen'),
        h('th', { scope: 'col' }, 'Headline'),
        h('th', { scope: 'col', class: 'num' }, 'Outlets'),
        h('th', { scope: 'col', class: 'num' }, 'Articles'),
      ),
    ),
    h(
      'tbody',
      {},
      ...stories.map((s) =>
        h(
          'tr',
          {},
          h('td', { class: 'nowrap' }, day(s.firstSeen)),
          h('td', { dir: 'auto' }, link(`#/story/${s.id}`, s.headline ?? `story ${s.id}`, { class: 'story-link' })),
          h('td', { class: 'num' }, String(s.outletCount)),
          h('td', { class: 'num' }, String(s.articleCount)),
        ),
      ),
    ),
  );
  const params = { min: minOutlets > 1 ? String(minOutlets) : undefined };
  const pager = h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    offset > 0
      ? link(hashFor('stories', { ...params, offset: offset > PAGE ? String(offset - PAGE) : undefined }), '← Newer')
      : null,
    stories.length === PAGE ? link(hashFor('stories', { ...params, offset: String(offset + PAGE) }), 'Older →') : null,
  );
  main.append(
    h('h1', {}, 'Stories'),
    h('p', { class: 'muted' }, 'Articles about the same happening, grouped across outlets.'),
    form,
    stories.length === 0
      ? notice(
          'No stories for this filter. Stories are built when pages are ingested (or with `watchfloor stories rebuild`).',
        )
      : table,
    pager,
  );
}

export async function renderStory(main: HTMLElement, route: Route): Promise<void> {
  const id = Number(route.arg);
  if (!Number.isInteger(id) || id < 1) throw new Error(`not a story id: ${route.arg}`);
  const [story, outlets] = await Promise.all([getJson<Story>(`stories/${id}`), getJson<Outlet[]>('outlets')]);
  const byName = new Map(outlets.map((o) => [o.name, o]));
  const byArticle = new Map(story.articles.map((a) => [a.id, a]));

  const articles = h(
    'table',
    { class: 'data-table', id: 'story-articles' },
    h(
      'caption',
      {},
      `${story.articles.length} article${story.articles.length === 1 ? '' : 's'} from ${story.outlets.length} outlet${story.outlets.length === 1 ? '' : 's'}`,
    ),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Published'),
        h('th', { scope: 'col' }, 'Outlet'),
        h('th', { scope: 'col' }, 'Reliability'),
        h('th', { scope: 'col' }, 'Language'),
        h('th', { scope: 'col' }, 'Article'),
      ),
    ),
    h(
      'tbody',
      {},
      ...story.articles.map((a) => {
        const outlet = a.outlet ? byName.get(a.outlet) : undefined;
        return h(
          'tr',
          {},
          h('td', { class: 'nowrap' }, day(a.published)),
          h(
            'td',
            { class: 'outlet' },
            h('span', { class: 'outlet-name' }, a.outlet ?? a.source ?? 'unknown outlet'),
            a.source && a.outlet && a.source !== a.outlet
              ? h('span', { class: 'muted' }, ` (credits ${a.source})`)
              : null,
            outletFlags(outlet),
          ),
          h('td', {}, reliabilityBadge(a.reliability)),
          h('td', { class: 'nowrap' }, languageName(a.language)),
          h('td', { dir: 'auto', lang: a.language ?? '' }, link(`#/article/${a.id}`, a.title ?? `article ${a.id}`)),
        );
      }),
    ),
  );

  const events = h(
    'table',
    { class: 'data-table', id: 'story-events' },
    h(
      'caption',
      {},
      `${story.events.length} event${story.events.length === 1 ? '' : 's'}, graded by corroboration within the story`,
    ),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Date'),
        h('th', { scope: 'col' }, 'Event'),
        h('th', { scope: 'col' }, 'Who → whom'),
        h('th', { scope: 'col' }, 'Reported by'),
        h('th', { scope: 'col' }, 'Credibility'),
        h('th', { scope: 'col' }, 'Admiralty'),
      ),
    ),
    h(
      'tbody',
      {},
      ...story.events.map((e) => {
        const article = byArticle.get(e.articleId);
        return h(
          'tr',
          {},
          h('td', { class: 'nowrap' }, day(e.date)),
          h(
            'td',
            {},
            h('span', { class: `swatch quad-${e.quadClass ?? 0}`, 'aria-hidden': 'true' }),
            `${e.plover} ${e.cameo}`,
            h('span', { class: 'muted' }, ` · ${e.modality}`),
          ),
          h('td', {}, `${e.sourceName ?? '?'} → ${e.targetName ?? '?'}`),
          h('td', {}, link(`#/article/${e.articleId}`, article?.outlet ?? article?.source ?? `article ${e.articleId}`)),
          h(
            'td',
            {},
            e.credibility ? credibilityBadge(e.credibility) : h('span', { class: 'muted' }, 'not graded'),
            e.credibility ? h('span', { class: 'muted' }, ` ${e.credibility.reason}`) : null,
          ),
          h('td', {}, admiraltyBadge(article?.reliability, e.credibility) ?? h('span', { class: 'muted' }, '–')),
        );
      }),
    ),
  );

  main.append(
    h(
      'header',
      { class: 'story-head' },
      h('p', { class: 'meta' }, link('#/stories', '← All stories')),
      h('h1', { dir: 'auto' }, story.headline ?? `Story ${story.id}`),
      h(
        'p',
        { class: 'meta' },
        `${span(story.firstSeen, story.lastSeen)} · ${story.outletCount} outlet${story.outletCount === 1 ? '' : 's'} · ${story.articleCount} article${story.articleCount === 1 ? '' : 's'}`,
      ),
    ),
    h('h2', {}, 'Articles'),
    articles,
    h('h2', {}, 'Events'),
    story.events.length === 0 ? notice('No events were read from these articles.') : events,
    gradesLegend(),
  );
}
