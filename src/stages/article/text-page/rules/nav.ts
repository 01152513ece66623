/** A menu of section links: "World | Defence | Security | Analysis | Opinion". */
import type { LineRule } from '../line-rule.js';
import { wordCount } from '../shape.js';

/** A menu has several items; two items joined by a bar may be a title and its site. */
const NAV_MIN_ITEMS = 3;
/** Menu items are a word or three. */
const NAV_ITEM_MAX_WORDS = 4;

export const nav: LineRule = {
  id: 'article/text-page/nav',
  read: (line) => {
    const items = line.split(/\s*[|•·]\s*/).filter(Boolean);
    if (items.length < NAV_MIN_ITEMS) return null;
    return items.every((item) => wordCount(item) <= NAV_ITEM_MAX_WORDS && !/[.!?]$/.test(item)) ? {} : null;
  },
};
