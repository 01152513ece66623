/** Reads a feed's bytes (RSS, Atom, RDF or JSON Feed, via feedsmith) into the items the watcher follows. */
import { parseFeed } from 'feedsmith';
import { InputError } from '../core/errors.js';

export interface FeedItem {
  /** A stable id: the item's guid/id, else its link. */
  id: string;
  /** The item's page, absolute. */
  url: string | null;
  title: string | null;
  published: string | null;
}

export interface ReadFeed {
  format: string;
  title: string | null;
  items: FeedItem[];
}

/** Declarations that let a document expand entities (billion laughs) or pull external files (XXE). */
const XML_DECLARATIONS = /<!(DOCTYPE|ENTITY)\b/i;

/** Refuses XML that declares a DOCTYPE or entities, before any parser sees it. */
export function assertSafeXml(text: string, origin: string): void {
  const match = XML_DECLARATIONS.exec(text);
  if (match) {
    throw new InputError(
      'feed/xml-declaration',
      `${origin}: refused: the document declares <!${match[1]!.toUpperCase()}> (entity expansion is not allowed)`,
    );
  }
}

/** Parses a feed and resolves item links against the feed's URL; throws InputError naming the feed. */
export function readFeed(bytes: Buffer, origin: string, baseUrl: string): ReadFeed {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (!trimmed) throw new InputError('feed/empty', `${origin}: empty feed`);
  if (!trimmed.startsWith('{')) {
    assertSafeXml(text, origin);
    if (!trimmed.startsWith('<')) throw new InputError('feed/invalid', `${origin}: not XML or JSON`);
  }
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(trimmed.startsWith('{') ? (JSON.parse(trimmed) as object) : text);
  } catch (error) {
    throw new InputError(
      'feed/invalid',
      `${origin}: not a readable RSS, Atom, RDF or JSON feed (${(error as Error).message})`,
    );
  }
  const items: FeedItem[] = [];
  const raw = parsed.feed as { title?: unknown; items?: unknown[]; entries?: unknown[] };
  for (const entry of (raw.items ?? raw.entries ?? []) as Array<Record<string, unknown>>) {
    const link = itemLink(entry);
    const url = link ? absolute(link, baseUrl) : null;
    const guid = entry['guid'] as { value?: string } | string | undefined;
    const id = (typeof guid === 'string' ? guid : guid?.value) ?? (entry['id'] as string | undefined) ?? url;
    if (!id) continue;
    items.push({
      id: String(id),
      url,
      title: textOf(entry['title']),
      published: toIso(
        entry['pubDate'] ??
          entry['published'] ??
          entry['date_published'] ??
          entry['updated'] ??
          (entry['dc'] as { date?: unknown } | undefined)?.date,
      ),
    });
  }
  return { format: parsed.format, title: textOf(raw.title), items };
}

function itemLink(entry: Record<string, unknown>): string | null {
  if (typeof entry['link'] === 'string') return entry['link'];
  if (typeof entry['url'] === 'string') return entry['url'];
  const links = entry['links'] as Array<{ href?: string; rel?: string }> | undefined;
  if (Array.isArray(links)) {
    const alternate = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
    if (alternate?.href) return alternate.href;
  }
  const guid = entry['guid'] as { value?: string; isPermaLink?: boolean } | undefined;
  if (guid?.value && guid.isPermaLink !== false && /^https?:/i.test(guid.value)) return guid.value;
  return null;
}

function absolute(link: string, base: string): string | null {
  try {
    return new URL(link.trim(), base).href;
  } catch {
    return null;
  }
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (value && typeof value === 'object' && typeof (value as { value?: unknown }).value === 'string') {
    return (value as { value: string }).value.trim() || null;
  }
  return null;
}

function toIso(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
