/**
 * The text path for pages too large or too broken for a DOM: strip markup with linear regular
 * expressions, keep lines that read as prose. No tree, so no depth or size can hurt it.
 */
import type { Paragraph } from './main-content.js';
import { isBoilerplateParagraph } from './boilerplate.js';

/** A line shorter than this is navigation or a label on a page we read without structure. */
const MIN_FAST_LINE = 60;
/** Most characters read by the fast path; the article of any real page starts well before. */
const MAX_FAST_CHARS = 4_000_000;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

/** Replaces named and numeric character references. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Removes scripts, styles and comments, the bulk of most oversized pages. */
export function stripNonText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|template|svg)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
}

/** Paragraphs of a page read without a DOM: block tags break lines, link-heavy and short lines drop. */
export function fastTextParagraphs(html: string): Paragraph[] {
  const source = stripNonText(html.length > MAX_FAST_CHARS ? html.slice(0, MAX_FAST_CHARS) : html);
  const body = /<body[^>]*>/i.exec(source);
  const start = body ? body.index + body[0].length : 0;
  const blocks = source
    .slice(start)
    .replace(/<(nav|header|footer|aside|form|select|button)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '\n')
    .split(/<\/?(?:p|div|h[1-6]|li|ul|ol|tr|td|table|section|article|blockquote|pre|br|dd|dt|main)\b[^>]*>/i);
  const out: Paragraph[] = [];
  for (const block of blocks) {
    const links = [...block.matchAll(/<a\b[^>]*>([\s\S]*?)<\/a>/gi)].reduce((n, m) => n + stripTags(m[1]!).length, 0);
    const text = stripTags(block);
    if (text.length < MIN_FAST_LINE || links > text.length * 0.4 || isBoilerplateParagraph(text)) continue;
    out.push({ text, tag: 'p', textLen: text.length, linkLen: links });
  }
  return out;
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}
