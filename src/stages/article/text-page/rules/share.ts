/** A row of share and social buttons: "Share this article | Facebook | Twitter | Email | Print". */
import type { LineRule } from '../line-rule.js';

const SHARE_WORDS =
  /\b(?:share(?: this(?: article| story| page| post)?| on)?|tweet|e-?mail(?: this)?|print(?: this(?: page| article)?)?|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|vk|pinterest|copy link|comments?|save|bookmark)\b/gi;

export const share: LineRule = {
  id: 'article/text-page/share',
  read: (line) => {
    if (!/\bshare\b|\b(?:facebook|twitter|linkedin|whatsapp|telegram)\b/i.test(line)) return null;
    // Only button words and separators: "Facebook has banned..." still has words left over.
    return line.replace(SHARE_WORDS, '').replace(/[\s|,;:•·/()\-–—\d]+/g, '') === '' ? {} : null;
  },
};
