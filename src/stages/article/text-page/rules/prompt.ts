/**
 * A banner asking the reader to do something: donate, subscribe, join a mailing list, follow, accept
 * cookies. "Join the MarineSecurityDesk.net mailing list" -> publisher "MarineSecurityDesk.net".
 */
import type { LineRule } from '../line-rule.js';
import { findSiteDomain, wordCount } from '../shape.js';

/** Prompts are one short call to action; a long line that mentions a newsletter is text. */
const PROMPT_MAX_WORDS = 25;

const PROMPTS = [
  // Imperatives only, at the start or after a banner's " - ": "Help keep this site free - make a donation".
  /(?:^|[-–—:|]\s+)(?:please\s+)?make a (?:\w+ )?donation\b/i,
  /^(?:please )?(?:donate|support (?:us|our|independent|quality)|become a (?:member|patron|subscriber))\b/i,
  /^(?:join|subscribe to|sign up (?:for|to)|get on)\b.*\bmailing list\b/i,
  /^(?:subscribe|sign up|join|get|register)\b.*\b(?:newsletter|updates|briefing|digest|alerts|mailing)\b/i,
  /^(?:subscribe|sign up|log ?in|register)(?: now| today| here)?\s*[!.:]?$/i,
  /^(?:follow us|like us|find us)\b/i,
  /^(?:download|get) (?:our|the) app\b/i,
  /\b(?:we use cookies|cookie policy|accept (?:all )?cookies|enable javascript|javascript is disabled)\b/i,
  /^(?:privacy policy|terms of (?:use|service)|contact us|about us)\b/i,
  /^(?:click here|tap here)\b/i,
];

export const prompt: LineRule = {
  id: 'article/text-page/prompt',
  read: (line) => {
    if (wordCount(line) > PROMPT_MAX_WORDS || !PROMPTS.some((pattern) => pattern.test(line))) return null;
    const domain = findSiteDomain(line);
    return domain ? { publisher: domain } : {};
  },
};
