/** A stacked bar chart in SVG, drawn by hand: one bar per period, one coloured layer per series, with axis labels and a table fallback. */
import { h, s } from './dom.js';

export interface Series {
  key: string;
  label: string;
  /** CSS class that colours the layer (fill comes from the stylesheet). */
  className: string;
}

export interface StackedBarsOptions {
  title: string;
  height?: number;
}

/** Bars for periods (oldest first) stacked by series; each bar is labelled for screen readers. */
export function stackedBars(periods: Array<{ period: string; counts: Record<string, number> }>, series: Series[], options: StackedBarsOptions): HTMLElement {
  const width = 860;
  const height = options.height ?? 260;
  const margin = { top: 12, right: 12, bottom: 44, left: 40 };
  const innerW = width - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;
  const totals = periods.map((p) => series.reduce((sum, k) => sum + (p.counts[k.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const step = innerW / Math.max(1, periods.length);
  const barW = Math.max(2, Math.min(48, step * 0.8));
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': options.title });
  svg.append(s('title', {}, options.title));
  const g = s('g', { transform: `translate(${margin.left},${margin.top})` });
  // Horizontal grid lines at round values.
  const ticks = niceTicks(max);
  for (const t of ticks) {
    const y = innerH - (t / max) * innerH;
    g.append(s('line', { x1: 0, x2: innerW, y1: y, y2: y, class: 'grid' }), s('text', { x: -6, y: y + 4, class: 'axis-label', 'text-anchor': 'end' }, String(t)));
  }
  const labelEvery = Math.max(1, Math.ceil(periods.length / 12));
  periods.forEach((p, i) => {
    const x = i * step + (step - barW) / 2;
    let y = innerH;
    const bar = s('g', { class: 'bar' });
    const parts: string[] = [];
    for (const k of series) {
      const n = p.counts[k.key] ?? 0;
      if (n === 0) continue;
      const hgt = (n / max) * innerH;
      y -= hgt;
      bar.append(s('rect', { x, y, width: barW, height: Math.max(1, hgt), class: k.className }, s('title', {}, `${p.period}: ${n} ${k.label}`)));
      parts.push(`${n} ${k.label}`);
    }
    g.append(bar);
    if (i % labelEvery === 0) g.append(s('text', { x: x + barW / 2, y: innerH + 16, class: 'axis-label', 'text-anchor': 'middle' }, p.period));
  });
  g.append(s('line', { x1: 0, x2: innerW, y1: innerH, y2: innerH, class: 'axis' }));
  svg.append(g);

  const legend = h('ul', { class: 'legend' }, ...series.map((k) => h('li', {}, h('span', { class: `swatch ${k.className}`, 'aria-hidden': 'true' }), k.label)));
  const table = h(
    'table',
    { class: 'data-table compact' },
    h('caption', {}, `${options.title} (data)`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Period'), ...series.map((k) => h('th', { scope: 'col' }, k.label)))),
    h('tbody', {}, ...periods.map((p) => h('tr', {}, h('th', { scope: 'row' }, p.period), ...series.map((k) => h('td', {}, String(p.counts[k.key] ?? 0)))))),
  );
  return h('figure', { class: 'chart-figure' }, svg, legend, h('details', {}, h('summary', {}, 'Show the numbers'), table));
}

function niceTicks(max: number): number[] {
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((v) => v >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = step; t <= max; t += step) ticks.push(Math.round(t));
  return ticks;
}

/** Stable colour classes for PLOVER types, so a type keeps its colour across views. */
export const PLOVER_TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

export function ploverClass(type: string): string {
  const i = PLOVER_TYPES.indexOf(type);
  return `series-${i < 0 ? 'other' : i}`;
}
