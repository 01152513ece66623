/** robots.txt (RFC 9309): the group for our user agent, Allow/Disallow with `*` and `$`, longest match wins. */

export interface RobotsRules {
  allow: string[];
  disallow: string[];
  /** Crawl-delay in seconds, when the group gives one. */
  crawlDelay: number | null;
}

/** Rules that allow everything (no robots.txt, or a 4xx for it). */
export const ALLOW_ALL: RobotsRules = { allow: [], disallow: [], crawlDelay: null };
/** Rules that refuse everything (robots.txt unreachable or a 5xx: the site may not want us now). */
export const DISALLOW_ALL: RobotsRules = { allow: [], disallow: ['/'], crawlDelay: null };

/** The rules robots.txt gives a crawler named `agent` (its product token, e.g. `watchfloor`). */
export function parseRobots(text: string, agent: string): RobotsRules {
  const token = agent.toLowerCase();
  const groups: Array<{ agents: string[]; rules: RobotsRules }> = [];
  let current: { agents: string[]; rules: RobotsRules } | null = null;
  let isReadingAgents = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (!isReadingAgents || !current) {
        current = { agents: [], rules: { allow: [], disallow: [], crawlDelay: null } };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      isReadingAgents = true;
      continue;
    }
    isReadingAgents = false;
    if (!current) continue;
    if (key === 'allow' && value) current.rules.allow.push(value);
    else if (key === 'disallow' && value) current.rules.disallow.push(value);
    else if (key === 'crawl-delay') {
      const delay = Number(value);
      if (Number.isFinite(delay) && delay >= 0) current.rules.crawlDelay = delay;
    }
  }
  const named = groups.filter((g) => g.agents.some((a) => a !== '*' && token.startsWith(a)));
  const chosen = named.length > 0 ? named : groups.filter((g) => g.agents.includes('*'));
  if (chosen.length === 0) return ALLOW_ALL;
  return {
    allow: chosen.flatMap((g) => g.rules.allow),
    disallow: chosen.flatMap((g) => g.rules.disallow),
    crawlDelay: chosen.map((g) => g.rules.crawlDelay).find((d) => d !== null) ?? null,
  };
}

/** Whether a path (with query) may be fetched: the longest matching rule decides; Allow wins a tie. */
export function isAllowedByRobots(rules: RobotsRules, pathAndQuery: string): boolean {
  let best = -1;
  let isAllowed = true;
  for (const pattern of rules.allow) {
    const length = matchLength(pattern, pathAndQuery);
    if (length >= 0 && length >= best) {
      best = length;
      isAllowed = true;
    }
  }
  for (const pattern of rules.disallow) {
    const length = matchLength(pattern, pathAndQuery);
    if (length > best) {
      best = length;
      isAllowed = false;
    }
  }
  return isAllowed;
}

/** The pattern's length when it matches the start of the path, else -1. */
function matchLength(pattern: string, path: string): number {
  const isAnchored = pattern.endsWith('$');
  const body = isAnchored ? pattern.slice(0, -1) : pattern;
  const source = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}${isAnchored ? '$' : ''}`).test(path) ? pattern.length : -1;
}
