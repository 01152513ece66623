/** A list of tags or topics under a story: "Tags: Malaysia, China, shipbuilding", "Filed under: Land forces". */
import type { LineRule } from '../line-rule.js';

const TAGS = /^(?:tags?|topics?|filed under|keywords|themes?|labels?)\s*:\s*\S/i;

export const tags: LineRule = {
  id: 'article/text-page/tags',
  read: (line) => (TAGS.test(line) ? {} : null),
};
