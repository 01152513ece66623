/** Reader controls and navigation links: "5 min read", "Listen to this article", "Print version", "Back to top". */
import type { LineRule } from '../line-rule.js';

const CONTROLS =
  /^(?:\d+\s*(?:-|–)?\s*min(?:ute)?s?\s*read|reading time:?.*|listen(?: to this (?:article|story))?(?:\s*\d+:\d+)?|(?:text|font) size.*|print(?:er)?[- ](?:version|friendly(?: version)?)|back to (?:top|news(?: list)?|the list|home)|(?:next|previous) (?:article|story|post|news)|view comments|show comments|\d+ comments?|all news|more news|go to (?:top|home))\s*[.»>›]?$/i;

export const pageControls: LineRule = {
  id: 'article/text-page/page-controls',
  read: (line) => (CONTROLS.test(line) ? {} : null),
};
