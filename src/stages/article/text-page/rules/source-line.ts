/**
 * A line that credits the outlet a story comes from: "Source: Levant Defense Bulletin",
 * "Courtesy of X", "This article was originally published by X." -> source.
 */
import type { LineRule } from '../line-rule.js';
import { findDateIn } from '../published.js';
import { SEGMENT_SEPARATOR, cleanName, isProse, wordCount } from '../shape.js';

/** Outlet names are short; a longer remainder is a sentence that happens to start with "Source". */
const SOURCE_MAX_WORDS = 8;

/** "Source:" needs its colon ("Sources said the deal was near." is a sentence); "Courtesy of" does not. */
const LABELLED =
  /^(?:(?:source|sources|story source|via|credit|quelle|fuente|fonte|источник)\s*[:\-–—]|courtesy(?: of)?|republished from|originally published (?:by|in|on|at))\s*(.+)$/i;
const ORIGINALLY =
  /^this (?:article|story|report|piece|commentary|analysis) (?:was |is )?(?:first |originally )?(?:published|appeared|posted) (?:by|in|on|at) (?:the )?(.+?)(?: on .*)?\.?$/i;

export const sourceLine: LineRule = {
  id: 'article/text-page/source-line',
  read: (line) => {
    const match = LABELLED.exec(line) ?? ORIGINALLY.exec(line);
    // "Source: Harbour News Agency | 2023-05-16 17:45:03": the outlet, then perhaps a date.
    const [name = '', ...rest] = (match?.[1] ?? '').split(SEGMENT_SEPARATOR);
    const source = cleanName(name);
    if (source === '' || wordCount(source) > SOURCE_MAX_WORDS || isProse(name)) return null;
    const published = findDateIn(rest);
    return published ? { source, published } : { source };
  },
};
