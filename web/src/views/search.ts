/** Search: the query box, facets (source, section, country, event type, actor), snippets, sorting and paging. */
import { getJson, type Facet, type SearchResult } from '../api.js';
import { day, h, link, markedSnippet, notice } from '../dom.js';
import { go, hashFor, type Route } from '../router.js';

const PAGE_SIZE = 20;
const FILTERS = ['source', 'section', 'country', 'eventType', 'actor', 'since', 'until'] as const;
const FACET_TITLES: Record<string, string> = { source: 'Source', section: 'Section', country: 'Country', eventType: 'Event type', actor: 'Actor' };

export async function renderSearch(main: HTMLElement, route: Route): Promise<void> {
  const p = route.params;
  const params: Record<string, string> = {};
  for (const key of ['q', 'sort', 'offset', ...FILTERS]) {
    const value = p.get(key);
    if (value) params[key] = value;
  }
  const result = await getJson<SearchResult>('search', { ...params, limit: PAGE_SIZE });
  const offset = Number(params['offset'] ?? 0);

  const q = h('input', { type: 'search', name: 'q', id: 'q', value: params['q'] ?? '', placeholder: 'words, "a phrase", OR, -exclude', autocomplete: 'off' });
  const sort = h('select', { name: 'sort', id: 'sort' }, h('option', { value: 'relevance' }, 'Relevance'), h('option', { value: 'date' }, 'Newest first'));
  sort.value = params['sort'] ?? 'relevance';
  const since = h('input', { type: 'date', name: 'since', id: 'since', value: params['since'] ?? '' });
  const until = h('input', { type: 'date', name: 'until', id: 'until', value: params['until'] ?? '' });
  const form = h(
    'form',
    { class: 'search-form', role: 'search', 'aria-label': 'Search articles' },
    h('label', { for: 'q', class: 'visually-hidden' }, 'Search articles'),
    q,
    h('label', { for: 'sort' }, 'Sort'),
    sort,
    h('label', { for: 'since' }, 'From'),
    since,
    h('label', { for: 'until' }, 'To'),
    until,
    h('button', { type: 'submit' }, 'Search'),
  );
  const submit = (): void => {
    const next: Record<string, string | undefined> = { ...params, q: q.value.trim(), sort: sort.value === 'relevance' ? undefined : sort.value, since: since.value, until: until.value };
    delete next['offset'];
    go('search', next);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  sort.addEventListener('change', submit);

  const active = FILTERS.filter((key) => params[key] && key !== 'since' && key !== 'until');
  const chips = active.length
    ? h(
        'ul',
        { class: 'chips', 'aria-label': 'Active filters' },
        ...active.map((key) => {
          const without = { ...params };
          delete without[key];
          delete without['offset'];
          return h('li', {}, link(hashFor('search', without), `${FACET_TITLES[key] ?? key}: ${params[key]} ✕`, { 'aria-label': `Remove filter ${FACET_TITLES[key] ?? key} ${params[key]}` }));
        }),
      )
    : null;

  const facets = h('aside', { class: 'facets', 'aria-label': 'Facets' });
  for (const [key, values] of Object.entries(result.facets) as Array<[string, Facet[] | undefined]>) {
    if (!values || values.length === 0) continue;
    facets.append(
      h(
        'section',
        { class: 'facet' },
        h('h2', {}, FACET_TITLES[key] ?? key),
        h(
          'ul',
          {},
          ...values.slice(0, 12).map((f) => {
            const next = { ...params, [key]: f.value };
            delete next['offset'];
            const isActive = params[key] === f.value;
            return h('li', {}, link(hashFor('search', next), f.label ? `${f.label} (${f.value})` : f.value, { class: isActive ? 'facet-value active' : 'facet-value', 'aria-current': isActive ? 'true' : null }), h('span', { class: 'count' }, String(f.count)));
          }),
        ),
      ),
    );
  }

  if (result.facetSample !== undefined && result.total > result.facetSample) {
    facets.append(h('p', { class: 'muted facet-note' }, `Counts among the newest ${result.facetSample.toLocaleString('en')} matches.`));
  }

  const results = h('section', { class: 'results', 'aria-label': 'Results' });
  results.append(h('p', { class: 'total', role: 'status' }, `${result.total.toLocaleString('en')} article${result.total === 1 ? '' : 's'}`));
  if (result.hits.length === 0) results.append(notice('Nothing matches. Try fewer words or remove a filter.'));
  const list = h('ol', { class: 'hits', start: offset + 1 });
  for (const hit of result.hits) {
    list.append(
      h(
        'li',
        { class: 'hit' },
        h('h3', { dir: 'auto' }, link(`#/article/${hit.id}`, hit.title ?? '(untitled)')),
        h('p', { class: 'meta' }, [hit.source ?? hit.publisher ?? 'unknown source', day(hit.published), hit.section].filter(Boolean).join(' · ')),
        h('p', { class: 'snippet', dir: 'auto' }, markedSnippet(hit.snippet)),
      ),
    );
  }
  results.append(list);
  const pager = h('nav', { class: 'pager', 'aria-label': 'Result pages' });
  if (offset > 0) pager.append(link(hashFor('search', { ...params, offset: String(Math.max(0, offset - PAGE_SIZE)) }), '← Previous'));
  if (offset + PAGE_SIZE < result.total) pager.append(link(hashFor('search', { ...params, offset: String(offset + PAGE_SIZE) }), 'Next →'));
  results.append(pager);

  main.append(h('h1', { class: 'visually-hidden' }, 'Search'), form, chips ?? '', h('div', { class: 'search-layout' }, facets, results));
}
