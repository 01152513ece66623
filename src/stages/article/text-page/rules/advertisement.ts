/** An advertising slot's label: "Advertisement", "Story continues below advertisement", "Publicité". */
import type { LineRule } from '../line-rule.js';

const ADVERTISEMENT =
  /^[-–—\s]*(?:advertisements?|advertising|ad|ads|sponsored(?: content)?|promoted(?: content)?|paid content|story continues below(?: advertisement)?|article continues (?:below|after (?:this )?advertisement)|continue reading (?:below|the main story)|scroll to continue(?: with content)?|publicité|anzeige|werbung|publicidad|pubblicità|реклама)[-–—\s:.]*$/i;

export const advertisement: LineRule = {
  id: 'article/text-page/advertisement',
  read: (line) => (ADVERTISEMENT.test(line) ? {} : null),
};
