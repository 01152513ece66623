/**
 * Links to other stories: "Related: Army tests new radar" (one link) or a heading such as
 * "Read more" / "Related stories" whose following short lines are a list of links.
 */
import type { LineRule } from '../line-rule.js';
import { isProse } from '../shape.js';

const RELATED =
  /^(?:read more|read also|also read|read next|related(?: stories| articles| news| coverage| content| reading| topics| links)?|more on this(?: story| topic)?|more stories|see also|you may also like|you might also like|recommended(?: for you| stories)?|most read|most popular|popular|latest(?: news| stories)?|trending(?: now)?|more from [\p{L}\d .&'-]{1,40}|lire aussi|à lire aussi|mehr zum thema|leer más)\s*(?:[:»>›|\-–—]\s*(.*))?$/iu;

export const related: LineRule = {
  id: 'article/text-page/related',
  read: (line) => {
    const match = RELATED.exec(line);
    if (!match) return null;
    const rest = match[1]?.trim() ?? '';
    if (rest === '') return { opensList: true };
    // "Related: <headline>" is a link; "Latest: troops crossed the river at dawn." is text.
    return isProse(rest) ? null : {};
  },
};
