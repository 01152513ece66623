/** The entity page: who it is, its events as source and as target over time, who appears with it, and where it was mentioned. */
import { getJson, type EntityPage, type StoredEvent } from '../api.js';
import { day, h, link, notice } from '../dom.js';
import { stackedBars } from '../chart.js';
import type { Route } from '../router.js';

function eventTable(caption: string, events: StoredEvent[]): HTMLElement {
  if (events.length === 0) return h('section', {}, h('h2', {}, caption), notice('None recorded.'));
  return h(
    'section',
    {},
    h('h2', {}, `${caption} (${events.length})`),
    h(
      'table',
      { class: 'data-table' },
      h('thead', {}, h('tr', {}, ...['Date', 'Type', 'CAMEO', 'Source', 'Target', 'Modality', 'Article'].map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        ...events.slice(0, 200).map((e) =>
          h(
            'tr',
            {},
            h('td', { class: 'nowrap' }, day(e.date)),
            h('td', { class: 'nowrap' }, h('span', { class: `swatch quad-${e.quadClass ?? 0}`, 'aria-hidden': 'true' }), e.plover),
            h('td', {}, e.cameo),
            h('td', {}, e.sourceName ?? e.sourceCode ?? '–'),
            h('td', {}, e.targetName ?? e.targetCode ?? '–'),
            h('td', {}, e.modality),
            h('td', {}, link(`#/article/${e.articleId}`, e.articleTitle ?? `article ${e.articleId}`)),
          ),
        ),
      ),
    ),
  );
}

export async function renderEntity(main: HTMLElement, route: Route): Promise<void> {
  const page = await getJson<EntityPage>(`entities/${encodeURIComponent(route.arg)}`);
  const e = page.entity;
  const byMonth = new Map<string, Record<string, number>>();
  const bump = (date: string | null, key: string): void => {
    const month = date?.slice(0, 7);
    if (!month) return;
    const counts = byMonth.get(month) ?? {};
    counts[key] = (counts[key] ?? 0) + 1;
    byMonth.set(month, counts);
  };
  for (const ev of page.asSource) bump(ev.date ?? ev.articlePublished, 'source');
  for (const ev of page.asTarget) bump(ev.date ?? ev.articlePublished, 'target');
  const periods = [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([period, counts]) => ({ period, counts }));

  main.append(
    h(
      'header',
      { class: 'entity-head' },
      h('h1', {}, e.name),
      h('p', { class: 'meta' }, [e.type, e.code ? `code ${e.code}` : null, e.id].filter(Boolean).join(' · ')),
      h(
        'dl',
        { class: 'stats' },
        h('dt', {}, 'Articles'), h('dd', {}, String(e.articleCount)),
        h('dt', {}, 'Mentions'), h('dd', {}, String(e.mentionCount)),
        h('dt', {}, 'First seen'), h('dd', {}, day(e.firstSeen)),
        h('dt', {}, 'Last seen'), h('dd', {}, day(e.lastSeen)),
      ),
      h('p', {}, link(`#/search?actor=${encodeURIComponent(e.id)}`, 'Articles mentioning it'), e.code ? ' · ' : '', e.code ? link(`#/map?actor=${encodeURIComponent(e.code)}`, 'Its events on the map') : null),
    ),
    h(
      'section',
      {},
      h('h2', {}, 'Events over time'),
      periods.length > 0
        ? stackedBars(periods, [{ key: 'source', label: 'as source', className: 'series-source' }, { key: 'target', label: 'as target', className: 'series-target' }], { title: `Events of ${e.name} by month`, height: 220 })
        : notice('No dated events with this actor.'),
    ),
    h(
      'div',
      { class: 'two-columns' },
      h(
        'section',
        {},
        h('h2', {}, 'Appears with'),
        page.cooccurring.length > 0
          ? h('ol', { class: 'plain ranked' }, ...page.cooccurring.map((c) => h('li', {}, link(`#/entity/${encodeURIComponent(c.id)}`, c.name), h('span', { class: 'muted' }, ` ${c.type} · ${c.articles} article${c.articles === 1 ? '' : 's'}${c.events ? ` · ${c.events} event${c.events === 1 ? '' : 's'}` : ''}`))))
          : notice('Nobody else yet.'),
      ),
      h(
        'section',
        {},
        h('h2', {}, 'Mentioned in'),
        h('ul', { class: 'plain' }, ...page.articles.slice(0, 20).map((a) => h('li', {}, link(`#/article/${a.articleId}`, a.title ?? `article ${a.articleId}`), h('span', { class: 'muted' }, ` ${day(a.published)} · ${a.count}×`)))),
      ),
    ),
    eventTable('As source', page.asSource),
    eventTable('As target', page.asTarget),
  );
}
