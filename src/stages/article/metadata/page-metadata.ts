/** Title, publisher, section, byline, canonical URL and declared languages from a page's signals. */
import type { PageSignals } from './page-signals.js';
import { clean } from './page-signals.js';
import type { JsonLdArticle } from './json-ld.js';

export interface PageMetadata {
  title: string | null;
  publisher: string | null;
  section: string | null;
  byline: string | null;
  url: string | null;
  declaredLanguages: Array<string | null>;
}

/** Separators between a headline and the site name in <title>. */
const TITLE_SEPARATOR = /\s+[|–—·:»-]\s+|\s+-{2}\s+/;

function first(signals: PageSignals, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = signals.meta.get(key)?.[0];
    if (value && value.trim()) return clean(value);
  }
  return null;
}

export function readPageMetadata(signals: PageSignals, jsonLd: JsonLdArticle | null, url: string | null): PageMetadata {
  const headline = signals.h1[0] ?? first(signals, 'og:title');
  // A site name that repeats the headline is a misfilled tag; the next source is asked.
  const candidates = [
    first(signals, 'og:site_name', 'application-name', 'al:android:app_name', 'al:ios:app_name', 'twitter:app:name:iphone'),
    jsonLd?.publisher ? clean(jsonLd.publisher) : null,
    jsonLd?.siteName ? clean(jsonLd.siteName) : null,
    siteFromTitle(signals.title, headline),
  ];
  const publisher = candidates.find((c) => c && c.length <= 80 && c.toLowerCase() !== headline?.toLowerCase()) ?? null;
  return {
    title: chooseTitle(signals, jsonLd, publisher),
    publisher,
    section:
      first(signals, 'article:section', 'section', 'parsely-section', 'og:article:section', 'article-section', 'category', 'dc.subject') ??
      (jsonLd?.section ? clean(jsonLd.section) : null) ??
      sectionFromBreadcrumbs(signals.breadcrumbs),
    byline: notPublisher(chooseByline(signals, jsonLd), publisher),
    url: canonicalUrl(signals, url),
    declaredLanguages: [
      jsonLd?.language ?? null,
      signals.htmlLang,
      first(signals, 'content-language', 'language', 'dc.language', 'og:locale'),
    ],
  };
}

/** The headline: an <h1> that the <title> or og:title contains, else og:title, JSON-LD, <title> minus site. */
function chooseTitle(signals: PageSignals, jsonLd: JsonLdArticle | null, publisher: string | null): string | null {
  const og = first(signals, 'og:title', 'twitter:title', 'title', 'dc.title');
  const headline = jsonLd?.headline ? clean(jsonLd.headline) : null;
  const docTitle = signals.title;
  const references = [og, headline, docTitle].filter((x): x is string => !!x).map((x) => x.toLowerCase());
  for (const h1 of signals.h1) {
    if (h1.length >= 10 && references.some((r) => r.includes(h1.toLowerCase()))) return h1;
  }
  const picked = og ?? headline ?? (docTitle ? stripSite(docTitle, publisher) : null) ?? signals.h1.find((h) => h.length > 0) ?? null;
  return picked ? stripSite(picked, publisher) : null;
}

/** "Headline | Site" -> "Headline" when the other part is the site name or much shorter. */
function stripSite(title: string, publisher: string | null): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const site = publisher?.toLowerCase();
  const kept = parts.filter((p) => p.toLowerCase() !== site);
  if (kept.length < parts.length) return kept.join(' - ');
  const last = parts[parts.length - 1]!;
  const rest = parts.slice(0, -1).join(' - ');
  return last.length < 30 && rest.length > last.length * 1.5 ? rest : title;
}

/** The part of "Site - Headline" or "Headline | Site" that is not the headline; the shorter end when unsure. */
function siteFromTitle(title: string | null, headline: string | null): string | null {
  if (!title) return null;
  const parts = title.split(TITLE_SEPARATOR).map((p) => p.trim());
  if (parts.length < 2) return null;
  const [firstPart, lastPart] = [parts[0]!, parts[parts.length - 1]!];
  const h = headline?.toLowerCase() ?? '';
  const site = h && h.includes(lastPart.toLowerCase()) ? firstPart : h && h.includes(firstPart.toLowerCase()) ? lastPart : lastPart.length <= firstPart.length ? lastPart : firstPart;
  return site.length < 40 ? site : null;
}

/** Home pages that open a breadcrumb trail, in the languages our pages come in. */
const HOME_CRUMB = /^(?:home|homepage|main|start|startseite|accueil|inicio|início|главная|головна|الرئيسية|صفحه اصلی|首页|首頁|トップ|ホーム|news|nieuws|nachrichten|actualités|noticias|новости)$/i;

/** The last linked crumb that is not the home page: the section the article sits in. */
function sectionFromBreadcrumbs(crumbs: string[]): string | null {
  const sections = crumbs.filter((c) => !HOME_CRUMB.test(c) && c.length <= 60);
  return sections[sections.length - 1] ?? null;
}

/** A byline that only repeats the site name says nothing about the author. */
function notPublisher(byline: string | null, publisher: string | null): string | null {
  return byline && publisher && byline.toLowerCase() === publisher.toLowerCase() ? null : byline;
}

/** Authors from JSON-LD, meta tags, or a byline element, with the leading "By" dropped. */
function chooseByline(signals: PageSignals, jsonLd: JsonLdArticle | null): string | null {
  const fromLd = jsonLd?.authors.map(stripBy).filter(looksLikeNames) ?? [];
  if (fromLd.length > 0) return [...new Set(fromLd.map(clean))].join(', ');
  const meta = first(signals, 'citation_author', 'author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author', 'twitter:creator');
  const fromMeta = meta && !/^(?:https?:|@)/.test(meta) ? stripBy(meta) : null;
  if (fromMeta && looksLikeNames(fromMeta)) return fromMeta;
  for (const element of signals.bylines) {
    const byline = stripBy(element);
    if (looksLikeNames(byline)) return byline;
  }
  return null;
}

/** "By Jane Roe |" -> "Jane Roe". */
function stripBy(text: string): string {
  return clean(text.replace(/^(?:by|par|por|von|di|door|af|av|автор|бы|بقلم)\s*:?\s+/i, '').replace(/[\s|·•,–—-]+$/, ''));
}

/** Names, not a dateline, a photo credit or a link: no digits, URLs, "@" or labels, at most eight words. */
function looksLikeNames(text: string): boolean {
  if (text.length < 3 || text.length > 80) return false;
  if (/\d|https?:|www\.|@|:|\/\/|\|/.test(text)) return false;
  return text.split(/\s+/).length <= 8;
}

/** The canonical link (resolved against the page URL), else og:url, else the URL given. */
function canonicalUrl(signals: PageSignals, url: string | null): string | null {
  for (const candidate of [signals.canonical, first(signals, 'og:url')]) {
    if (!candidate) continue;
    try {
      const resolved = new URL(candidate, url ?? undefined).href;
      if (/^https?:/.test(resolved)) return resolved;
    } catch {
      // A relative link with no page URL to resolve against: try the next source.
    }
  }
  return url;
}
