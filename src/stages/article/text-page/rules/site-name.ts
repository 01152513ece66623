/**
 * A line that names the site: its address alone ("MarineSecurityDesk.net") or a banner such as
 * "Official website of the Ministry of Defence" -> publisher.
 */
import type { LineRule } from '../line-rule.js';
import { cleanName, findSiteDomain, wordCount } from '../shape.js';

/** "Official website of the X": the owner's name is a few words. */
const OWNER_MAX_WORDS = 10;

const OFFICIAL = /^(?:the )?official (?:web ?site|site|page|portal|web portal|internet resource) of (?:the )?(.+)$/i;

export const siteName: LineRule = {
  id: 'article/text-page/site-name',
  read: (line) => {
    const owner = cleanName(OFFICIAL.exec(line)?.[1] ?? '');
    if (owner !== '' && wordCount(owner) <= OWNER_MAX_WORDS) return { publisher: owner };
    const domain = findSiteDomain(line);
    if (!domain) return null;
    const rest = line
      .replace(/^(?:https?:\/\/)?(?:www\.)?/i, '')
      .replace(domain, '')
      .replace(/[\s/|.-]+/g, '');
    return rest === '' ? { publisher: domain } : null;
  },
};
