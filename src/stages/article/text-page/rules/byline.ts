/**
 * A byline, with an optional date beside it: "By News Desk | September 12, 2021" -> byline
 * "News Desk", published "2021-09-12"; "By Dr. Maria Okafor, Senior Fellow" -> "Dr. Maria Okafor";
 * "Author: Prof. Anders Lindqvist" -> "Prof. Anders Lindqvist".
 */
import type { LineRule } from '../line-rule.js';
import { findDateIn } from '../published.js';
import { SEGMENT_SEPARATOR, cleanName, isProse, wordCount } from '../shape.js';

/** A byline names a few people or a desk; more words than this make it a sentence ("By 2030, the army..."). */
const BYLINE_MAX_WORDS = 10;

const BY = /^(?:(?:by|written by|words by|story by|posted by|report by|reported by|par|von|por)\s+|authors?\s*:\s*)/i;
/** Case-sensitive on purpose: under the `i` flag \p{Lu} matches lower-case letters too. */
const STARTS_UPPER = /^\p{Lu}/u;

export const byline: LineRule = {
  id: 'article/text-page/byline',
  read: (line) => {
    const by = BY.exec(line);
    if (!by || isProse(line)) return null;
    const names = line.slice(by[0].length);
    if (!STARTS_UPPER.test(names)) return null;
    const [first = '', ...rest] = names.split(SEGMENT_SEPARATOR);
    // Names come before the first comma: "Maria Okafor, Senior Fellow, Maritime Programme".
    const name = cleanName(first.split(',')[0] ?? '');
    if (name === '' || wordCount(name) > BYLINE_MAX_WORDS || /\d/.test(name)) return null;
    const published = findDateIn(rest);
    return published ? { byline: name, published } : { byline: name };
  },
};
