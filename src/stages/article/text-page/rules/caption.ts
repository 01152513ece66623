/**
 * A photo caption or credit: "Photo: Ministry of Defence", "(File photo)",
 * "Soldiers at the range near Osh. Photo: Kyrgyz MoD", "Image credit: Getty Images".
 */
import type { LineRule } from '../line-rule.js';
import { isProse, wordCount } from '../shape.js';

/** Captions run to a sentence or two; a longer line ending in a credit is a paragraph quoting one. */
const CAPTION_MAX_WORDS = 45;

/** "Photo: ...", "Image credit - ...", "(Video) ..." */
const LABELLED =
  /^[([]?\s*(?:photo|photograph|image|picture|video|file photo|graphic|illustration|pictured)s?(?:\s+(?:credit|courtesy|source))?\s*(?:[:|–—)\]]|-\s)/i;
/** "Photo by Jane Roe/AFP": a credit, unless the line is a sentence ("Pictures by satellite firms showed..."). */
const CREDITED = /^[([]?\s*(?:photo|image|picture)s?\s+(?:by|credit|courtesy)\b/i;
/** A caption that ends in its credit: "... near Osh. Photo: Kyrgyz MoD", "... (File photo)". */
const TRAILING_CREDIT = [
  /[([]\s*(?:photo|photograph|image|picture|file photo|file|credit)\b[^)\]]*[)\]]\.?$/i,
  /\b(?:photo|photograph|image|picture)(?:\s+credit)?\s*:\s*[^.:]{2,80}\.?$/i,
  /\b(?:via getty images|getty images|\/\s*afp|shutterstock|\/\s*ap photo)\b[^.]*\.?$/i,
];

export const caption: LineRule = {
  id: 'article/text-page/caption',
  read: (line) => {
    if (wordCount(line) > CAPTION_MAX_WORDS) return null;
    const isCaption =
      LABELLED.test(line) ||
      (CREDITED.test(line) && !isProse(line)) ||
      TRAILING_CREDIT.some((pattern) => pattern.test(line));
    return isCaption ? {} : null;
  },
};
