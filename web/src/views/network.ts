/** The actor network: who acts on whom, on a circular layout; edges weighted by event count and coloured by QuadClass. */
import { getJson, type Network } from '../api.js';
import { h, link, notice, quadLegend, s } from '../dom.js';
import { go, hashFor, type Route } from '../router.js';
import { PLOVER_TYPES } from '../chart.js';

/** More actors than this make a circle unreadable; the busiest are kept. */
const MAX_NODES = 36;
const WIDTH = 1000;
const HEIGHT = 720;
/** Labels longer than this are cut, with the full name in the node's label for screen readers. */
const LABEL_CHARS = 24;

export async function renderNetwork(main: HTMLElement, route: Route): Promise<void> {
  const p = route.params;
  const filter = { since: p.get('since') ?? '', until: p.get('until') ?? '', type: p.get('type') ?? '' };
  const network = await getJson<Network>('network', filter);
  const since = h('input', { type: 'date', id: 'net-since', value: filter.since });
  const until = h('input', { type: 'date', id: 'net-until', value: filter.until });
  const type = h('select', { id: 'net-type' }, h('option', { value: '' }, 'All types'), ...PLOVER_TYPES.map((t) => h('option', { value: t }, t)));
  type.value = filter.type;
  const form = h(
    'form',
    { class: 'filter-form', 'aria-label': 'Filter the network' },
    h('label', { for: 'net-since' }, 'From'), since,
    h('label', { for: 'net-until' }, 'To'), until,
    h('label', { for: 'net-type' }, 'Event type'), type,
    h('button', { type: 'submit' }, 'Apply'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go('network', { since: since.value, until: until.value, type: type.value });
  });
  main.append(h('h1', {}, 'Actor network'), form);

  const nodes = network.nodes.slice(0, MAX_NODES);
  const kept = new Set(nodes.map((n) => n.id));
  const edges = network.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  if (edges.length === 0) {
    main.append(notice('No events between two actors for this filter.'));
    return;
  }
  const centreX = WIDTH / 2;
  const centreY = HEIGHT / 2;
  const radius = HEIGHT / 2 - 60;
  const position = new Map<string, [number, number, number]>();
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    position.set(n.id, [centreX + radius * Math.cos(angle), centreY + radius * Math.sin(angle), angle]);
  });
  const maxCount = Math.max(...edges.map((e) => e.count));
  const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'network', role: 'group', 'aria-label': `Actor network: ${nodes.length} actors, ${edges.length} links` });
  const defs = s('defs');
  for (const q of [0, 1, 2, 3, 4]) {
    defs.append(s('marker', { id: `arrow-${q}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerUnits: 'userSpaceOnUse', markerWidth: 9, markerHeight: 9, orient: 'auto-start-reverse' }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrow quad-${q}` })));
  }
  svg.append(defs);
  const edgeLayer = s('g', { class: 'edges' });
  for (const e of edges) {
    const [x1, y1] = position.get(e.source)!;
    const [x2, y2] = position.get(e.target)!;
    // Bend each edge to its right, so A→B and B→A are two visible curves.
    const mx = (x1 + x2) / 2;
    const my = (y1 + y2) / 2;
    const dx = x2 - x1;
    const dy = y2 - y1;
    const len = Math.hypot(dx, dy) || 1;
    const bend = Math.min(60, len * 0.2);
    const cx = mx + (dy / len) * bend;
    const cy = my - (dx / len) * bend;
    // Stop short of the target node so the arrowhead stays visible.
    const tx = x2 - ((x2 - cx) / Math.hypot(x2 - cx, y2 - cy)) * 9;
    const ty = y2 - ((y2 - cy) / Math.hypot(x2 - cx, y2 - cy)) * 9;
    const q = e.quadClass ?? 0;
    edgeLayer.append(
      s('path', { d: `M${x1},${y1} Q${cx},${cy} ${tx},${ty}`, class: `edge quad-${q}`, 'stroke-width': (1 + 5 * Math.sqrt(e.count / maxCount)).toFixed(2), 'marker-end': `url(#arrow-${q})` },
        s('title', {}, `${e.source} → ${e.target}: ${e.count} event${e.count === 1 ? '' : 's'}`)),
    );
  }
  const nodeLayer = s('g', { class: 'nodes' });
  const maxNode = Math.max(...nodes.map((n) => n.count));
  for (const n of nodes) {
    const [x, y, angle] = position.get(n.id)!;
    const lx = centreX + (radius + 14) * Math.cos(angle);
    const ly = centreY + (radius + 14) * Math.sin(angle);
    const full = n.id === n.name ? n.id : `${n.name} (${n.id})`;
    const isLeft = Math.cos(angle) < -0.01;
    nodeLayer.append(
      s('a', { href: hashFor('search', { actor: n.id }), 'aria-label': `${n.name} (${n.id}), ${n.count} events: articles` },
        s('circle', { cx: x, cy: y, r: 4 + 6 * Math.sqrt(n.count / maxNode), class: 'node' }),
        s('text', { x: lx, y: ly + 4, class: 'node-label', 'text-anchor': isLeft ? 'end' : 'start' }, full.length > LABEL_CHARS ? `${full.slice(0, LABEL_CHARS - 1)}…` : full),
      ),
    );
  }
  svg.append(edgeLayer, nodeLayer);
  main.append(
    h('figure', { class: 'network-figure' }, svg, h('figcaption', {}, quadLegend(), h('p', { class: 'muted' }, `Line width: number of events. ${network.nodes.length > MAX_NODES ? `The ${MAX_NODES} busiest of ${network.nodes.length} actors.` : ''}`))),
    h(
      'details',
      {},
      h('summary', {}, 'Links as a table'),
      h(
        'table',
        { class: 'data-table compact' },
        h('thead', {}, h('tr', {}, ...['Source', 'Target', 'Events', 'QuadClass'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, ...edges.map((e) => h('tr', {}, h('td', {}, link(hashFor('search', { actor: e.source }), e.source)), h('td', {}, e.target), h('td', {}, String(e.count)), h('td', {}, String(e.quadClass ?? '–'))))),
      ),
    ),
  );
}
