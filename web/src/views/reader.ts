/** The article reader: the text with entities, dates and events highlighted (hover or focus shows the details), the raw capture a click away. */
import { getJson, type AnalysisEvent, type Article, type Evidence, type StoredEvent } from '../api.js';
import { day, h, link, QUAD_CLASSES, quadLegend } from '../dom.js';
import { admiraltyBadge, CREDIBILITY, credibilityBadge, outletFlags, RELIABILITY, reliabilityBadge, type ArticleReliability, type EventCredibility } from '../grades.js';
import { attachTip } from '../tip.js';
import { structurePanel } from './structure.js';
import type { Route } from '../router.js';

interface Mark {
  start: number;
  end: number;
  make: () => HTMLElement;
}

/** Keeps marks that do not overlap an earlier-starting (then longer) one. */
function nonOverlapping(marks: Mark[]): Mark[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mark[] = [];
  let end = -1;
  for (const m of sorted) {
    if (m.start < end || m.end <= m.start) continue;
    kept.push(m);
    end = m.end;
  }
  return kept;
}

/** The text between start and end with the inner marks (entities, dates) that fall in it, clipped to it. */
function renderInner(text: string, start: number, end: number, inner: Mark[]): Node[] {
  const out: Node[] = [];
  let at = start;
  for (const m of inner) {
    if (m.end <= start || m.start >= end) continue;
    const s = Math.max(m.start, start);
    const e = Math.min(m.end, end);
    if (s > at) out.push(document.createTextNode(text.slice(at, s)));
    const el = m.make();
    el.textContent = text.slice(s, e);
    out.push(el);
    at = e;
  }
  if (at < end) out.push(document.createTextNode(text.slice(at, end)));
  return out;
}

function actor(a: AnalysisEvent['source']): string {
  return a ? `${a.name}${a.code ? ` (${a.code})` : ''}` : '–';
}

/** The words an event's source and target were read from (its arcs), as one muted line; null when neither was read from the text. */
function arcsLine(e: AnalysisEvent): HTMLElement | null {
  const source = e.roles?.source?.text;
  const target = e.roles?.target?.text;
  if (!source && !target) return null;
  return h('span', { class: 'muted event-arcs' }, ` read from “${source ?? '–'}” → “${target ?? '–'}”`);
}

/** The hover-card lines that say where a finding came from: the rule or model id, and the words that fired. */
function provenanceRows(finding: { rule?: string | undefined; trigger?: Evidence | undefined }): Array<[string, string | null | undefined]> {
  return [
    ['Rule', finding.rule],
    ['Fired on', finding.trigger?.text],
  ];
}

/** Everything the reader shows for one article, loaded once. */
interface ReaderData {
  article: Article;
  analysis: Article['analysis'];
  text: string;
  grades: Grades | null;
  outlet: ArticleReliability['outlet'] | null;
  credibilityOf: (e: AnalysisEvent) => EventCredibility | null;
}

/** Renders the reader for `#/article/:id`, as named phases: load, marks, text, header, side panel. */
export async function renderReader(main: HTMLElement, route: Route): Promise<void> {
  const data = await loadReader(articleIdOf(route));
  const body = renderText(data.text, eventMarks(data), [...entityMarks(data), ...dateMarks(data)]);
  main.append(h('article', { class: 'reader' }, renderHeader(data), h('div', { class: 'reader-layout' }, body, renderSide(data))));
}

function articleIdOf(route: Route): number {
  const id = Number(route.arg);
  if (!Number.isInteger(id) || id < 1) throw new Error(`not an article id: ${route.arg}`);
  return id;
}

async function loadReader(id: number): Promise<ReaderData> {
  const [article, grades] = await Promise.all([getJson<Article>(`articles/${id}`), readGrades(id)]);
  return {
    article,
    analysis: article.analysis,
    text: article.analysis.article.text,
    grades,
    outlet: grades?.reliability.outlet ?? null,
    credibilityOf: (e) => grades?.byEvent.get(eventKey(e.cameo, e.evidence)) ?? null,
  };
}

/** Entity mentions: links to the entity page, with a card naming the entity and the rule that found it. */
function entityMarks({ analysis }: ReaderData): Mark[] {
  return analysis.entities.flatMap((entity) =>
    entity.mentions.map((m) => ({
      start: m.start,
      end: m.end,
      make: () => {
        const a = h('a', { class: `hl hl-entity hl-${entity.type}`, href: `#/entity/${encodeURIComponent(entity.id)}`, 'data-entity': entity.id });
        attachTip(a, [
          ['Entity', entity.name],
          ['Type', entity.type],
          ['Code', entity.code],
          ['Role', entity.role],
          ['Affiliation', entity.affiliation],
          ['Id', entity.id],
          ...provenanceRows(entity),
        ]);
        return a;
      },
    })),
  );
}

function dateMarks({ analysis }: ReaderData): Mark[] {
  return analysis.dates.map((d) => ({
    start: d.start,
    end: d.end,
    make: () => {
      const el = h('mark', { class: 'hl hl-date', tabindex: 0 });
      attachTip(el, [['Date', d.value ?? 'vague'], ['Precision', d.precision], ...provenanceRows(d)]);
      return el;
    },
  }));
}

/** Events span their evidence sentence; entities and dates are drawn inside them. */
function eventMarks(data: ReaderData): Mark[] {
  return data.analysis.events.map((e) => ({
    start: e.evidence.start,
    end: e.evidence.end,
    make: () => {
      const el = h('span', { class: `hl hl-event quad-${e.quadClass ?? 0}`, tabindex: 0, 'data-cameo': e.cameo });
      attachTip(el, eventTipRows(e, data));
      return el;
    },
  }));
}

/** The event's hover card, one line per fact; add a line here to show more of an event. */
function eventTipRows(e: AnalysisEvent, { outlet, credibilityOf }: ReaderData): Array<[string, string | null | undefined]> {
  const credibility = credibilityOf(e);
  return [
    ['Event', `${e.plover} · CAMEO ${e.cameo}`],
    ['QuadClass', e.quadClass ? `${e.quadClass} ${QUAD_CLASSES[e.quadClass] ?? ''}` : null],
    ['Source', actor(e.source)],
    ['Target', actor(e.target)],
    ['Source read from', e.roles?.source?.text],
    ['Target read from', e.roles?.target?.text],
    ['Date', e.date ? `${e.date} (${e.precision})` : null],
    ['Modality', e.modality],
    ['Attribution', [e.attribution.speaker, ...e.attribution.via].filter(Boolean).join(' via ') || null],
    ['Where', e.location?.name],
    ['Quantities', e.quantities.map((q) => `${q.count} ${q.item}`).join(', ')],
    ['Credibility', credibilityText(credibility)],
    ['Admiralty', outlet && credibility ? `${outlet.reliability}${credibility.grade}` : null],
    ['Evidence', e.evidence.text],
    ...provenanceRows(e),
  ];
}

/** The article text with outer marks (events) wrapping inner ones (entities, dates); overlaps dropped, text nodes only. */
function renderText(text: string, outer: Mark[], inner: Mark[]): HTMLElement {
  const innerKept = nonOverlapping(inner);
  const body = h('div', { class: 'article-text', id: 'article-text', dir: 'auto' });
  let at = 0;
  for (const ev of nonOverlapping(outer)) {
    if (ev.start > at) body.append(...renderInner(text, at, ev.start, innerKept));
    const el = ev.make();
    el.append(...renderInner(text, ev.start, ev.end, innerKept));
    body.append(el);
    at = ev.end;
  }
  if (at < text.length) body.append(...renderInner(text, at, text.length, innerKept));
  return body;
}

function renderHeader({ article, analysis, outlet, grades }: ReaderData): HTMLElement {
  const a = analysis.article;
  return h(
    'header',
    { class: 'article-head' },
    h('h1', { dir: 'auto' }, a.title ?? '(untitled)'),
    h('p', { class: 'meta' }, [a.source ?? a.publisher, day(a.published), a.section, a.byline].filter(Boolean).join(' · ')),
    outlet
      ? h(
          'p',
          { class: 'meta outlet-grade', id: 'outlet-grade' },
          'Outlet ',
          h('span', { class: 'outlet-name' }, outlet.name),
          ' ',
          reliabilityBadge(outlet.reliability),
          ` ${RELIABILITY[outlet.reliability]}`,
          outletFlags(outlet),
          grades?.reliability.storyId ? h('span', {}, ' · ', link(`#/story/${grades.reliability.storyId}`, 'the story across outlets', { id: 'story-link' })) : null,
        )
      : null,
    h(
      'p',
      { class: 'actions' },
      h('a', { href: article.rawUrl, class: 'button', target: '_blank', rel: 'noopener noreferrer', id: 'raw-link' }, 'Raw capture'),
      a.url && /^https?:\/\//.test(a.url) ? h('a', { href: a.url, class: 'button', rel: 'noopener noreferrer nofollow', target: '_blank' }, 'Original page') : null,
    ),
    h('p', { class: 'key' }, h('span', { class: 'hl hl-entity' }, 'entity'), ' ', h('mark', { class: 'hl hl-date' }, 'date'), ' ', h('span', { class: 'hl hl-event quad-0' }, 'event'), ' — hover or focus a highlight for details.'),
  );
}

/** The findings panel: entities, events with their grades, transfers. */
function renderSide({ article, analysis, outlet, credibilityOf }: ReaderData): HTMLElement {
  const side = h('aside', { class: 'article-side', 'aria-label': 'Findings' });
  side.append(
    h('h2', {}, `Entities (${analysis.entities.length})`),
    h('ul', { class: 'plain' }, ...analysis.entities.map((e) => h('li', {}, link(`#/entity/${encodeURIComponent(e.id)}`, e.name), h('span', { class: 'muted' }, ` ${e.type}${e.code ? ` · ${e.code}` : ''}`)))),
    h('h2', {}, `Events (${analysis.events.length})`),
    h(
      'ul',
      { class: 'plain', id: 'reader-events' },
      ...analysis.events.map((e) => {
        const credibility = credibilityOf(e);
        return h(
          'li',
          {},
          h('span', { class: `swatch quad-${e.quadClass ?? 0}`, 'aria-hidden': 'true' }),
          `${e.plover} ${e.cameo}: ${actor(e.source)} → ${actor(e.target)} · ${e.modality}${e.date ? ` · ${e.date}` : ''}`,
          credibility ? ' ' : null,
          credibility ? (outlet ? admiraltyBadge(outlet.reliability, credibility) : credibilityBadge(credibility)) : null,
          arcsLine(e),
          structurePanel(article.id, e.evidence),
        );
      }),
    ),
    quadLegend(),
  );
  if (analysis.transfers.length > 0) {
    side.append(
      h('h2', {}, `Transfers (${analysis.transfers.length})`),
      h('ul', { class: 'plain' }, ...analysis.transfers.map((t) => h('li', {}, `${t.supplier ?? '?'} → ${t.recipient ?? '?'}: ${t.items.map((i) => (i.count === null ? i.item : `${i.count} ${i.item}`)).join(', ') || 'items unknown'} (${t.status})`))),
    );
  }
  return side;
}

/** Events are matched to their stored rows (which carry the credibility grades) by code and evidence span. */
function eventKey(cameo: string, evidence: { start: number; end: number }): string {
  return `${cameo}@${evidence.start}-${evidence.end}`;
}

interface Grades {
  reliability: ArticleReliability;
  byEvent: Map<string, EventCredibility>;
}

/** The article's outlet grade and its events' credibility; null when the API cannot say (the reader still shows the text). */
async function readGrades(id: number): Promise<Grades | null> {
  try {
    const [reliability, events] = await Promise.all([
      getJson<ArticleReliability>(`articles/${id}/reliability`),
      getJson<StoredEvent[]>('events', { article: id, limit: 5000 }),
    ]);
    const byId = new Map(reliability.events.map((c) => [c.eventId, c]));
    const byEvent = new Map<string, EventCredibility>();
    for (const e of events) {
      const grade = byId.get(e.id);
      if (grade) byEvent.set(eventKey(e.cameo, e.evidence), grade);
    }
    return { reliability, byEvent };
  } catch {
    return null;
  }
}

function credibilityText(c: EventCredibility | null): string | null {
  return c ? `${c.grade} ${CREDIBILITY[c.grade]} (${c.reason})` : null;
}
