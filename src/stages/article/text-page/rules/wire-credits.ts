/**
 * A wire story's closing credits: "(Reporting by Anna Keller; Editing by Tom Brandt)" -> byline
 * "Anna Keller"; "Editor: Li Wen" and "Editing by ..." alone are claimed and tell nothing.
 */
import type { LineRule } from '../line-rule.js';
import { cleanName, wordCount } from '../shape.js';

/** Credits name a handful of people; a longer line is text. */
const CREDITS_MAX_WORDS = 25;
/** Names before the first ";": a few people; more words make "Reported by the agency, the drills..." a sentence. */
const NAMES_MAX_WORDS = 8;

// Case spelt out: under the `i` flag \p{Lu} would match lower-case names too.
const REPORTING =
  /^\(?\s*(?:[Aa]dditional reporting|[Rr]eporting|[Ww]riting|[Rr]eported|[Ww]ritten) by (\p{Lu}[^;)]*)/u;
const EDITING =
  /^\(?\s*(?:(?:editing|edited|translated|translation|compiled) by\b|(?:editors?|responsible editor|chief editor)\s*:)/i;

export const wireCredits: LineRule = {
  id: 'article/text-page/wire-credits',
  read: (line) => {
    if (wordCount(line) > CREDITS_MAX_WORDS) return null;
    const reporting = REPORTING.exec(line);
    if (reporting?.[1] && wordCount(reporting[1]) <= NAMES_MAX_WORDS) {
      // "Additional reporting by" names helpers, not the author.
      return /^\(?\s*additional/i.test(line) ? {} : { byline: cleanName(reporting[1]) };
    }
    return EDITING.test(line) ? {} : null;
  },
};
