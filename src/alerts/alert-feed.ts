/** An alert's Atom feed: the newest articles matching its saved search, every text XML-escaped. */
import type { Alert, SearchHit } from '../store.js';

/** The desk's reader for one article (the web desk's route is `#/article/ID`). */
export function deskArticleLink(baseUrl: string, id: number): string {
  return `${baseUrl.replace(/\/+$/, '')}/#/article/${id}`;
}

/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The Atom document of an alert; `baseUrl` is where the desk is served (links point there). */
export function alertFeed(alert: Alert, hits: readonly SearchHit[], baseUrl: string, now: Date = new Date()): string {
  const base = baseUrl.replace(/\/+$/, '');
  const self = `${base}/api/alerts/${alert.id}/feed.atom`;
  const updated =
    hits
      .map((h) => toIso(h.published))
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1) ?? now.toISOString();
  const entries = hits.map((hit) => {
    const link = hit.url ?? deskArticleLink(base, hit.id);
    const when = toIso(hit.published) ?? updated;
    return [
      '  <entry>',
      `    <id>${escapeXml(`${base}/api/articles/${hit.id}`)}</id>`,
      `    <title>${escapeXml(hit.title ?? `Article ${hit.id}`)}</title>`,
      `    <link rel="alternate" href="${escapeXml(link)}"/>`,
      `    <updated>${when}</updated>`,
      hit.source || hit.publisher
        ? `    <author><name>${escapeXml(hit.source ?? hit.publisher ?? '')}</name></author>`
        : null,
      `    <summary>${escapeXml(hit.snippet.replace(/[«»]/g, ''))}</summary>`,
      '  </entry>',
    ]
      .filter((line): line is string => line !== null)
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(self)}</id>`,
    `  <title>${escapeXml(`Watchfloor alert: ${alert.name}`)}</title>`,
    `  <link rel="self" href="${escapeXml(self)}"/>`,
    `  <updated>${updated}</updated>`,
    `  <generator>Watchfloor</generator>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

function toIso(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
