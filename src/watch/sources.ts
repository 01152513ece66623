/**
 * The watch configuration: sources (feeds and pages, with their outlet's reliability and flags), fetch
 * limits and the schedule, read from the config file's `sources`, `fetch` and `watch` sections.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import type { Config } from '../config.js';
import { DEFAULT_FETCH_LIMITS, type FetchLimits } from '../fetch/fetch-url.js';

export type ReliabilityGrade = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export const RELIABILITY_GRADES: readonly ReliabilityGrade[] = ['A', 'B', 'C', 'D', 'E', 'F'];

/** One configured source: an outlet, and optionally a feed or page of it to watch. */
export interface SourceConfig {
  name: string;
  /** A feed (RSS, Atom, RDF, JSON Feed) or page URL to watch; outlets without one only carry grades. */
  url: string | null;
  type: 'feed' | 'page';
  host: string | null;
  /** Folder name of the outlet's pages in a corpus (`demo/corpus/<slug>/`). */
  slug: string | null;
  aliases: string[];
  kind: string | null;
  reliability: ReliabilityGrade | null;
  isStateAffiliated: boolean | null;
  isWireAgency: boolean | null;
  isOfficialBody: boolean | null;
  /** Minutes between polls of this source. */
  intervalMinutes: number | null;
}

export interface WatchSettings {
  /** Minutes between polls of a source that does not say. */
  intervalMinutes: number;
  /** Sources polled at the same time. */
  concurrency: number;
  /** Minimum milliseconds between two requests to one host. */
  hostIntervalMs: number;
  /** Attempts at a failing item before it is given up. */
  maxAttempts: number;
  isRobotsRespected: boolean;
  /** Items a feed may contribute per poll (the newest first). */
  maxItemsPerFeed: number;
}

export const DEFAULT_WATCH_SETTINGS: WatchSettings = {
  intervalMinutes: 15,
  concurrency: 8,
  // One request a second per host: polite for news sites, and the feeds of one site rarely hold more.
  hostIntervalMs: 1000,
  maxAttempts: 3,
  isRobotsRespected: true,
  maxItemsPerFeed: 200,
};

export interface LoadSourcesOptions {
  /** Told of each source left out for a URL that cannot be watched; by default a line on stderr. */
  onSkip?: (error: InputError) => void;
}

/**
 * The configured sources: `sources` is a list, or a path to a JSON file holding `{ "sources": [...] }` or a list.
 * A source whose URL cannot be watched is skipped with a message naming it, so the others still are; any other
 * mistake in an entry (a grade outside A–F, a wrong type) is an error naming it.
 */
export function loadSources(config: Config, configDir: string = process.cwd(), options: LoadSourcesOptions = {}): SourceConfig[] {
  const onSkip = options.onSkip ?? ((error: InputError) => process.stderr.write(`watchfloor: ${error.message} (source skipped)\n`));
  const section = config['sources'];
  if (section === undefined || section === null) return [];
  let list: unknown = section;
  let origin = 'config sources';
  if (typeof section === 'string') {
    const file = path.resolve(configDir, section);
    origin = section;
    try {
      list = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    } catch (error) {
      throw new InputError('config/sources', `${section}: cannot read the sources file (${(error as Error).message})`);
    }
    if (list && typeof list === 'object' && !Array.isArray(list)) list = (list as { sources?: unknown }).sources;
  }
  if (!Array.isArray(list)) throw new InputError('config/sources', `${origin}: expected a list of sources`);
  const sources: SourceConfig[] = [];
  for (const [index, entry] of list.entries()) {
    try {
      sources.push(readSource(entry, `${origin}[${index}]`));
    } catch (error) {
      if (!(error instanceof InputError) || error.code !== SOURCE_URL_ERROR) throw error;
      onSkip(error);
    }
  }
  return sources;
}

/** The code of a source URL that cannot be watched: that source is skipped, not the whole list. */
const SOURCE_URL_ERROR = 'config/source-url';

/** A source's URL, parsed; an InputError naming the entry (and its name, when it has one) when it is not an http(s) URL. */
function parseSourceUrl(url: string, where: string, name: string | null): URL {
  const named = name ? ` (${name})` : '';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(SOURCE_URL_ERROR, `${where}.url${named}: not a valid URL: ${url.slice(0, 200)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new InputError(SOURCE_URL_ERROR, `${where}.url${named}: not an http(s) URL: ${url.slice(0, 200)}`);
  return parsed;
}

function readSource(entry: unknown, where: string): SourceConfig {
  if (!entry || typeof entry !== 'object') throw new InputError('config/sources', `${where}: expected an object`);
  const e = entry as Record<string, unknown>;
  const str = (key: string): string | null => {
    const value = e[key];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') throw new InputError('config/sources', `${where}.${key}: expected a string`);
    return value;
  };
  const bool = (key: string): boolean | null => {
    const value = e[key];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'boolean') throw new InputError('config/sources', `${where}.${key}: expected true or false`);
    return value;
  };
  const url = str('url') ?? str('feed') ?? str('page');
  const parsed = url ? parseSourceUrl(url, where, str('name')) : null;
  const name = str('name') ?? parsed?.hostname ?? null;
  if (!name) throw new InputError('config/sources', `${where}: a source needs a name or a url`);
  const reliability = str('reliability')?.toUpperCase() ?? null;
  if (reliability !== null && !RELIABILITY_GRADES.includes(reliability as ReliabilityGrade)) {
    throw new InputError('config/sources', `${where}.reliability: expected one of A–F, got ${reliability}`);
  }
  const type = str('type') ?? (e['page'] !== undefined ? 'page' : 'feed');
  if (type !== 'feed' && type !== 'page')
    throw new InputError('config/sources', `${where}.type: expected feed or page`);
  const interval = e['intervalMinutes'];
  if (interval !== undefined && (typeof interval !== 'number' || !(interval > 0))) {
    throw new InputError('config/sources', `${where}.intervalMinutes: expected a positive number`);
  }
  const aliases = e['aliases'];
  return {
    name,
    url,
    type,
    host: str('host')?.toLowerCase() ?? parsed?.hostname.toLowerCase() ?? null,
    slug: str('slug'),
    aliases: Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : [],
    kind: str('kind'),
    reliability: reliability as ReliabilityGrade | null,
    isStateAffiliated: bool('stateAffiliated'),
    isWireAgency: bool('wireAgency') ?? (str('kind') === 'wire' ? true : null),
    isOfficialBody:
      bool('officialBody') ?? (['ministry', 'government', 'igo', 'official'].includes(str('kind') ?? '') ? true : null),
    intervalMinutes: typeof interval === 'number' ? interval : null,
  };
}

/**
 * The configured sources as a long-running server reads them (relative paths from the configuration file's
 * folder); a sources list it cannot read gives none, so outlets fall back to data/outlets.json's grades.
 */
export function configuredSources(config: Config, env: NodeJS.ProcessEnv = process.env): SourceConfig[] {
  try {
    return loadSources(config, path.dirname(path.resolve(env['WATCHFLOOR_CONFIG'] ?? 'watchfloor.config.json')), { onSkip: () => undefined });
  } catch {
    return [];
  }
}

/** Fetch limits: defaults, then the config's `fetch` section. */
export function fetchLimitsFrom(config: Config): FetchLimits {
  const section = (config['fetch'] ?? {}) as Partial<FetchLimits>;
  const limits: FetchLimits = { ...DEFAULT_FETCH_LIMITS, ...section };
  for (const key of ['timeoutMs', 'maxBytes', 'maxRedirects'] as const) {
    if (!Number.isInteger(limits[key]) || limits[key] < 0)
      throw new InputError('config/fetch', `fetch.${key}: expected a whole number`);
  }
  if (!Array.isArray(limits.allowAddresses) || !limits.allowAddresses.every((a) => typeof a === 'string')) {
    throw new InputError('config/fetch', 'fetch.allowAddresses: expected a list of addresses');
  }
  return limits;
}

/** Schedule and politeness settings: defaults, then the config's `watch` section. */
export function watchSettingsFrom(config: Config): WatchSettings {
  const section = (config['watch'] ?? {}) as Partial<WatchSettings>;
  const settings: WatchSettings = { ...DEFAULT_WATCH_SETTINGS, ...section };
  for (const key of ['intervalMinutes', 'concurrency', 'hostIntervalMs', 'maxAttempts', 'maxItemsPerFeed'] as const) {
    const value = settings[key];
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value < 0 ||
      (key !== 'hostIntervalMs' && value === 0)
    ) {
      throw new InputError('config/watch', `watch.${key}: expected a positive number`);
    }
  }
  if (typeof settings.isRobotsRespected !== 'boolean') {
    throw new InputError('config/watch', 'watch.isRobotsRespected: expected true or false');
  }
  return settings;
}
