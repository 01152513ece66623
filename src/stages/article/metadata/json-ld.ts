/** The article described by a page's JSON-LD: the first Article-like object, flattened out of @graph. */

/** The fields we read from schema.org Article objects, as plain strings. */
export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  dateCreated: string | null;
  authors: string[];
  publisher: string | null;
  section: string | null;
  language: string | null;
  url: string | null;
  body: string | null;
  /** The site name of a WebSite object, when the page has one. */
  siteName: string | null;
}

const ARTICLE_TYPES = /^(?:\w+)?(?:Article|BlogPosting|Posting|Report|LiveBlogPosting|NewsArticle|Review|Story)$/i;

/**
 * Types whose datePublished is not the page's: a comment, answer, list entry or review on it, and a picture, a
 * recording, a person, a business, a product or an event it shows (a photo's datePublished is its upload).
 */
const OTHER_THINGS =
  /^(?:Comment|Answer|ListItem|Review|Rating|ImageObject|Photograph|ImageGallery|AudioObject|MusicRecording|Person|Organization|NewsMediaOrganization|Corporation|LocalBusiness|Product|Offer|Event|Place)$/i;

/** All objects in the blocks, @graph and arrays expanded, nested at most a few levels. */
function flatten(value: unknown, out: Array<Record<string, unknown>>, depth = 0): void {
  if (depth > 6 || out.length > 500) return;
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, out, depth + 1);
  } else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    out.push(obj);
    if (obj['@graph']) flatten(obj['@graph'], out, depth + 1);
    if (obj['mainEntity'] && typeof obj['mainEntity'] === 'object') flatten(obj['mainEntity'], out, depth + 1);
  }
}

function types(obj: Record<string, unknown>): string[] {
  const t = obj['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

/** A string from a value that may be a string, a number, an object with a name, or a list. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length ? textOf(value[0]) : null;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return textOf(obj['name'] ?? obj['@value'] ?? obj['@id'] ?? null);
  }
  return null;
}

function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.map(textOf).filter((x): x is string => !!x && !/^https?:/.test(x));
}

/**
 * Reads the article object out of JSON-LD blocks; null when none describes an article. Where several
 * articles are described (the page's own and related ones), the one whose URL is the page's wins.
 */
export function readJsonLdArticle(blocks: unknown[], pageUrl: string | null = null): JsonLdArticle | null {
  const objects: Array<Record<string, unknown>> = [];
  for (const block of blocks) flatten(block, objects);
  const articles = objects.filter((o) => types(o).some((t) => ARTICLE_TYPES.test(t)));
  const page = pageUrl ? urlKey(pageUrl) : null;
  const article =
    (page && articles.length > 1 ? articles.find((o) => [o['url'], o['mainEntityOfPage'], o['@id']].some((u) => urlKey(textOf(u)) === page)) : undefined) ??
    articles[0] ??
    objects.find((o) => types(o).some((t) => /^WebPage$/i.test(t)) && (o['datePublished'] || o['headline'])) ??
    objects.find((o) => o['datePublished'] && !types(o).some((t) => OTHER_THINGS.test(t)));
  const site = objects.find((o) => types(o).some((t) => /^WebSite$/i.test(t)));
  if (!article && !site) return null;
  const a = article ?? {};
  // An article object without its date, beside the page's own WebPage or video object that has one.
  const dated =
    a['datePublished'] || !article
      ? a
      : (objects.find((o) => o['datePublished'] && types(o).some((t) => /^(?:WebPage|ItemPage|VideoObject)$/i.test(t))) ?? a);
  const url = textOf(a['url']) ?? textOf(a['mainEntityOfPage']);
  return {
    headline: textOf(a['headline']) ?? textOf(a['name']),
    datePublished: textOf(dated['datePublished']),
    dateCreated: textOf(a['dateCreated']),
    authors: names(a['author'] ?? a['creator']),
    publisher: textOf(a['publisher']) ?? textOf(a['sourceOrganization']),
    section: textOf(a['articleSection']),
    language: textOf(a['inLanguage']),
    url: url && /^https?:/.test(url) ? url : null,
    body: textOf(a['articleBody']),
    siteName: site ? textOf(site['name']) : null,
  };
}

/** A URL without scheme, "www.", query, fragment and trailing slash, for comparing two links to one page. */
function urlKey(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return null;
  }
}
