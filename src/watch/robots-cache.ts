/** robots.txt per origin, fetched once per watcher run through the same safe fetcher. */
import { fetchUrl, type FetchLimits } from '../fetch/fetch-url.js';
import { FetchError } from '../fetch/fetch-error.js';
import { ALLOW_ALL, DISALLOW_ALL, isAllowedByRobots, parseRobots, type RobotsRules } from './robots.js';
import type { HostPacer } from './host-pacer.js';

/** RFC 9309 asks crawlers to read at least 500 KiB of robots.txt; more is ignored. */
const ROBOTS_MAX_BYTES = 512 * 1024;
/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'watchfloor';

/** Errors that say the site itself cannot be fetched: the page's fetch would fail the same way, so they are passed on. */
const UNFETCHABLE = new Set(['fetch/forbidden-address', 'fetch/dns', 'fetch/bad-url', 'fetch/bad-scheme']);

interface OriginRules {
  rules: RobotsRules;
  /** Why everything is refused when robots.txt could not be read. */
  note: string | null;
}

export class RobotsCache {
  readonly #rules = new Map<string, Promise<OriginRules>>();
  readonly #limits: FetchLimits;
  readonly #pacer: HostPacer;

  constructor(limits: FetchLimits, pacer: HostPacer) {
    this.#limits = limits;
    this.#pacer = pacer;
  }

  /** Null when the URL may be fetched, else why not; a Crawl-delay slows the host's pacing down. */
  async refusal(url: string): Promise<string | null> {
    const target = new URL(url);
    let pending = this.#rules.get(target.origin);
    if (!pending) {
      pending = this.#load(target);
      this.#rules.set(target.origin, pending);
    }
    const { rules, note } = await pending;
    if (isAllowedByRobots(rules, target.pathname + target.search)) return null;
    return note ?? 'refused by robots.txt';
  }

  async #load(target: URL): Promise<OriginRules> {
    const robotsUrl = `${target.origin}/robots.txt`;
    try {
      await this.#pacer.wait(target.host);
      const result = await fetchUrl(robotsUrl, { limits: { ...this.#limits, maxBytes: ROBOTS_MAX_BYTES } });
      const rules = parseRobots(result.body.toString('utf8'), ROBOTS_AGENT);
      if (rules.crawlDelay !== null) this.#pacer.setHostInterval(target.host, rules.crawlDelay * 1000);
      return { rules, note: null };
    } catch (error) {
      if (error instanceof FetchError && UNFETCHABLE.has(error.code)) throw error;
      // No robots.txt (4xx) means no rules; a server error or no answer means stay away for now (RFC 9309 §2.3.1).
      const status = error instanceof FetchError ? error.httpStatus : null;
      if (status !== null && status >= 400 && status < 500) return { rules: ALLOW_ALL, note: null };
      if (error instanceof FetchError && error.code === 'fetch/too-large') return { rules: ALLOW_ALL, note: null };
      const reason = error instanceof Error ? error.message : String(error);
      return {
        rules: DISALLOW_ALL,
        note: `robots.txt could not be read, so the site is left alone for now (${reason})`,
      };
    }
  }
}
