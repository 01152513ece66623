/** The map: events and places on a world drawn from the bundled world-atlas TopoJSON with d3-geo; no tiles, nothing fetched from elsewhere. */
import { geoEqualEarth, geoGraticule10, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { getJson, type StoredEntity, type StoredEvent } from '../api.js';
import { day, h, link, notice, quadLegend, s } from '../dom.js';
import { PLOVER_TYPES } from '../chart.js';
import { go, type Route } from '../router.js';

const WIDTH = 960;
const HEIGHT = 500;

let countriesPath: string | null = null;

/** The countries outline as one SVG path, computed once. */
function countries(path: ReturnType<typeof geoPath>): string {
  if (countriesPath === null) {
    const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
    countriesPath = path(feature(topology, topology.objects.countries)) ?? '';
  }
  return countriesPath;
}

export async function renderMap(main: HTMLElement, route: Route): Promise<void> {
  const p = route.params;
  const filter = { since: p.get('since') ?? '', until: p.get('until') ?? '', type: p.get('type') ?? '', actor: p.get('actor') ?? '' };
  const [events, places] = await Promise.all([
    getJson<StoredEvent[]>('events', { ...filter, limit: 5000 }),
    getJson<StoredEntity[]>('entities', { type: 'place', limit: 500 }),
  ]);

  const since = h('input', { type: 'date', id: 'map-since', name: 'since', value: filter.since });
  const until = h('input', { type: 'date', id: 'map-until', name: 'until', value: filter.until });
  const type = h('select', { id: 'map-type', name: 'type' }, h('option', { value: '' }, 'All types'), ...PLOVER_TYPES.map((t) => h('option', { value: t }, t)));
  type.value = filter.type;
  const form = h(
    'form',
    { class: 'filter-form', 'aria-label': 'Filter the map' },
    h('label', { for: 'map-since' }, 'From'), since,
    h('label', { for: 'map-until' }, 'To'), until,
    h('label', { for: 'map-type' }, 'Event type'), type,
    h('button', { type: 'submit' }, 'Apply'),
    filter.actor ? link('#/map', `Actor ${filter.actor} ✕`, { class: 'chip', 'aria-label': `Remove actor filter ${filter.actor}` }) : null,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go('map', { since: since.value, until: until.value, type: type.value, actor: filter.actor });
  });

  const projection = geoEqualEarth().fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], { type: 'Sphere' });
  const path = geoPath(projection);
  const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'map', role: 'group', 'aria-label': `World map with ${events.length} events` });
  svg.append(
    s('path', { d: path({ type: 'Sphere' }) ?? '', class: 'sphere' }),
    s('path', { d: path(geoGraticule10()) ?? '', class: 'graticule' }),
    s('path', { d: countries(path), class: 'land' }),
  );
  const placeLayer = s('g', { class: 'places' });
  for (const place of places) {
    if (place.lat === null || place.lon === null) continue;
    const xy = projection([place.lon, place.lat]);
    if (!xy) continue;
    placeLayer.append(
      s('a', { href: `#/entity/${encodeURIComponent(place.id)}`, 'aria-label': `Place ${place.name}, ${place.articleCount} articles` },
        s('rect', { x: xy[0] - 3, y: xy[1] - 3, width: 6, height: 6, class: 'place' }, s('title', {}, `${place.name} · ${place.articleCount} articles`))),
    );
  }
  // Events at the same spot are drawn as one circle sized by how many there are.
  const spots = new Map<string, StoredEvent[]>();
  for (const e of events) {
    if (e.lat === null || e.lon === null) continue;
    const key = `${e.lat.toFixed(2)},${e.lon.toFixed(2)}`;
    spots.set(key, [...(spots.get(key) ?? []), e]);
  }
  const eventLayer = s('g', { class: 'events' });
  for (const group of [...spots.values()].sort((a, b) => b.length - a.length)) {
    const first = group[0]!;
    const xy = projection([first.lon!, first.lat!]);
    if (!xy) continue;
    const quad = first.quadClass ?? 0;
    const label = `${group.length} event${group.length === 1 ? '' : 's'} at ${first.locationName ?? 'this place'}: ${group.slice(0, 3).map((e) => `${e.plover} ${e.sourceName ?? '?'} → ${e.targetName ?? '?'}`).join('; ')}`;
    eventLayer.append(
      s('a', { href: `#/article/${first.articleId}`, 'aria-label': label },
        s('circle', { cx: xy[0], cy: xy[1], r: 4 + Math.sqrt(group.length) * 2, class: `event quad-${quad}` }, s('title', {}, label))),
    );
  }
  svg.append(placeLayer, eventLayer);

  const located = events.filter((e) => e.lat !== null && e.lon !== null);
  const list = h(
    'ul',
    { class: 'plain event-list' },
    ...located.slice(0, 50).map((e) => h('li', {}, h('span', { class: `swatch quad-${e.quadClass ?? 0}`, 'aria-hidden': 'true' }), `${day(e.date)} ${e.plover} · ${e.sourceName ?? '?'} → ${e.targetName ?? '?'} · ${e.locationName ?? ''} `, link(`#/article/${e.articleId}`, e.articleTitle ?? 'article'))),
  );
  main.append(
    h('h1', {}, 'Map of events and places'),
    form,
    h('p', { class: 'total', role: 'status' }, `${located.length} located event${located.length === 1 ? '' : 's'} of ${events.length}; ${placeLayer.childElementCount} places`),
    h('figure', { class: 'map-figure' }, svg, h('figcaption', {}, quadLegend(), h('span', { class: 'legend-place' }, h('span', { class: 'swatch place', 'aria-hidden': 'true' }), 'place mentioned'))),
    located.length === 0 ? notice('No located events for this filter.') : list,
  );
}
