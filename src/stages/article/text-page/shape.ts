/** Measures of a line's shape (prose, headline, label) that the text-page rules and phases share. */

/** Headlines run from a few words to about two lines; longer unpunctuated lines are body text. */
export const TITLE_MIN_WORDS = 3;
export const TITLE_MAX_WORDS = 30;
/** A body sentence has a subject, a verb and something more; shorter "sentences" are labels. */
const PROSE_MIN_WORDS = 5;

/** Little words that stay lower-case in a title-case heading. */
const MINOR_WORDS = new Set('a an and as at but by for from in into nor of on or the to vs via with &'.split(' '));

/** Ends like a sentence: . ! ? or … then any closing quotes or brackets. */
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/;
const PERIOD_END = /[.…]["'”’»)\]]*$/;

/** Between the parts of a metadata line: "By News Desk | September 12, 2021", "Sentinel Digest — news". */
export const SEGMENT_SEPARATOR = /\s+[|•·]\s+|\s+[-–—]\s+/;

/** Whether a UTF-16 code unit is one that `\s` matches (white space and line terminators). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Words separated by white space (runs of characters other than `\s`), counted without splitting. */
export function wordCount(text: string): number {
  let count = 0;
  let isInWord = false;
  for (let i = 0; i < text.length; i++) {
    const isWordChar = !isSpace(text.charCodeAt(i));
    if (isWordChar && !isInWord) count++;
    isInWord = isWordChar;
  }
  return count;
}

/** Body text: a sentence ending in a period, or several sentences, or too long for a headline. */
export function isProse(text: string): boolean {
  const words = wordCount(text);
  if (words < PROSE_MIN_WORDS || !SENTENCE_END.test(text)) return false;
  return PERIOD_END.test(text) || words > TITLE_MAX_WORDS || /[.!?]["'”’]?\s+["'“‘]?[A-Z]/.test(text);
}

/** A headline: a few words, not a sentence with a period, not a label ending in ':' or ','. */
export function isHeadline(text: string): boolean {
  const words = wordCount(text);
  if (words < TITLE_MIN_WORDS || words > TITLE_MAX_WORDS) return false;
  if (PERIOD_END.test(text) || /[:,;]$/.test(text)) return false;
  return /^["'“‘(]?[\p{Lu}\d]/u.test(text);
}

/** Most words that matter start with a capital: "Ministry of Defence (MoD)". */
export function isTitleCase(text: string): boolean {
  const words = text
    .split(/\s+/)
    .map((word) => word.replace(/^["'“‘([]+/, ''))
    .filter((word) => word !== '' && !MINOR_WORDS.has(word.toLowerCase()));
  if (words.length === 0) return false;
  const capitalised = words.filter((word) => /^[\p{Lu}\d]/u.test(word)).length;
  return capitalised === words.length;
}

/** Top-level domains a site name in page chrome ends with ("MarineSecurityDesk.net", "www.example.co.uk"). */
const SITE_DOMAIN =
  /\b(?:www\.)?((?:[A-Za-z0-9][A-Za-z0-9-]*\.)+(?:com|org|net|info|news|int|mil|gov|io|co\.uk|org\.uk|uk|eu|asia|tv|ru|ua|ir|cn|in|pk|de|fr|kz|tj|kg|uz|az|am|ge|tr|il|jp|kr|au|ca))\b/;

/** The site name a line mentions as a domain, without "www."; null when there is none. */
export function findSiteDomain(text: string): string | null {
  const match = SITE_DOMAIN.exec(text);
  if (!match?.[1]) return null;
  // "U.S." and "e.g." are not sites: a site's first label has at least three characters.
  return /^[A-Za-z0-9-]{3,}\./.test(match[1]) ? match[1] : null;
}

/** Trims spaces and one trailing period: "Northgate Media Ltd." keeps its period only when it ends an abbreviation. */
export function cleanName(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“‘]+|[\s"'”’]+$/g, '')
    .replace(/(?<!\b(?:Ltd|Inc|Co|Corp|Jr|Sr))\.$/, '')
    .trim();
}
