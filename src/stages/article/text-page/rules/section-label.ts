/** A labelled section: "Section: Land Forces", "Category: Naval" -> section. */
import type { LineRule } from '../line-rule.js';
import { cleanName, wordCount } from '../shape.js';

/** Section names are a few words. */
const SECTION_MAX_WORDS = 6;

const LABELLED = /^(?:section|category|categories|rubric|department|desk)\s*:\s*(.+)$/i;

export const sectionLabel: LineRule = {
  id: 'article/text-page/section-label',
  read: (line) => {
    const section = cleanName(LABELLED.exec(line)?.[1]?.split(/\s*[,|]\s*/)[0] ?? '');
    return section !== '' && wordCount(section) <= SECTION_MAX_WORDS ? { section } : null;
  },
};
