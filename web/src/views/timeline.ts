/** The timeline: events by type over time, as stacked monthly bars. */
import { getJson, type Timeline } from '../api.js';
import { h, notice } from '../dom.js';
import { ploverClass, stackedBars } from '../chart.js';
import { go, type Route } from '../router.js';

export async function renderTimeline(main: HTMLElement, route: Route): Promise<void> {
  const p = route.params;
  const filter = { since: p.get('since') ?? '', until: p.get('until') ?? '', interval: p.get('interval') === 'day' ? 'day' : 'month' };
  const timeline = await getJson<Timeline>('timeline', filter);
  const since = h('input', { type: 'date', id: 'tl-since', value: filter.since });
  const until = h('input', { type: 'date', id: 'tl-until', value: filter.until });
  const interval = h('select', { id: 'tl-interval' }, h('option', { value: 'month' }, 'Month'), h('option', { value: 'day' }, 'Day'));
  interval.value = filter.interval;
  const form = h(
    'form',
    { class: 'filter-form', 'aria-label': 'Filter the timeline' },
    h('label', { for: 'tl-since' }, 'From'), since,
    h('label', { for: 'tl-until' }, 'To'), until,
    h('label', { for: 'tl-interval' }, 'Per'), interval,
    h('button', { type: 'submit' }, 'Apply'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go('timeline', { since: since.value, until: until.value, interval: interval.value === 'day' ? 'day' : undefined });
  });
  main.append(
    h('h1', {}, 'Events by type over time'),
    form,
    timeline.buckets.length === 0
      ? notice('No dated events for this filter.')
      : stackedBars(timeline.buckets, timeline.types.map((t) => ({ key: t, label: t, className: ploverClass(t) })), { title: `Events per ${filter.interval} by PLOVER type` }),
  );
}
