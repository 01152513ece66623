/** robots.txt per origin, fetched once per watcher run through the same safe fetcher. */
import { fetchUrl, type FetchLimits } from '../fetch/fetch-url.js';
import { FetchError } from '../fetch/fetch-error.js';
import { ALLOW_ALL, DISALLOW_ALL, isAllowedByRobots, parseRobots, type RobotsRules } from './robots.js';
import type { HostPacer } from './host-pacer.js';

/** RFC 9309 asks crawlers to read at least 500 KiB of robots.txt; more is ignored. */
const ROBOTS_MAX_BYTES = 512 * 1024;
/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'watchfloor';

export class RobotsCache {
  readonly #rules = new Map<string, Promise<RobotsRules>>();
  readonly #limits: FetchLimits;
  readonly #pacer: HostPacer;

  constructor(limits: FetchLimits, pacer: HostPacer) {
    this.#limits = limits;
    this.#pacer = pacer;
  }

  /** Whether the URL may be fetched; a Crawl-delay slows the host's pacing down. */
  async isAllowed(url: string): Promise<boolean> {
    const target = new URL(url);
    let rules = this.#rules.get(target.origin);
    if (!rules) {
      rules = this.#load(target);
      this.#rules.set(target.origin, rules);
    }
    return isAllowedByRobots(await rules, target.pathname + target.search);
  }

  async #load(target: URL): Promise<RobotsRules> {
    const robotsUrl = `${target.origin}/robots.txt`;
    try {
      await this.#pacer.wait(target.host);
      const result = await fetchUrl(robotsUrl, { limits: { ...this.#limits, maxBytes: ROBOTS_MAX_BYTES } });
      const rules = parseRobots(result.body.toString('utf8'), ROBOTS_AGENT);
      if (rules.crawlDelay !== null) this.#pacer.setHostInterval(target.host, rules.crawlDelay * 1000);
      return rules;
    } catch (error) {
      // No robots.txt (4xx) means no rules; a server error or no answer means stay away for now (RFC 9309 §2.3.1).
      const status = error instanceof FetchError ? error.httpStatus : null;
      if (status !== null && status >= 400 && status < 500) return ALLOW_ALL;
      if (error instanceof FetchError && error.code === 'fetch/too-large') return ALLOW_ALL;
      return DISALLOW_ALL;
    }
  }
}
