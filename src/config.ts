/**
 * Configuration: defaults, then a JSON file (`watchfloor.config.json` in the working directory, or
 * WATCHFLOOR_CONFIG), then environment variables, then command-line flags (applied by the CLI).
 */
import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_LIMITS, type Limits } from './core/context.js';
import { InputError } from './core/errors.js';

export interface Config {
  /** SQLite file path, or a postgres:// URL. */
  db: string;
  host: string;
  port: number;
  /** Bearer token for anything that writes over HTTP; writes are refused when unset. */
  token: string | null;
  limits: Limits;
  /**
   * Host names the server answers to besides loopback and `host` (WATCHFLOOR_ALLOWED_HOSTS, comma-separated):
   * the names analysts type to reach a desk shared on a network. Any other Host header is refused.
   */
  allowedHosts?: string[];
  /** Where the desk is reached, for links in alert feeds and e-mails (WATCHFLOOR_BASE_URL); by default http://host:port. */
  baseUrl?: string | null;
  /** Further sections (sources, alerts, smtp, nats) read by the features that own them. */
  [section: string]: unknown;
}

export const DEFAULT_CONFIG: Config = {
  db: './var/watchfloor.db',
  host: '127.0.0.1',
  port: 8080,
  token: null,
  limits: DEFAULT_LIMITS,
  allowedHosts: [],
  baseUrl: null,
};

/** The configuration in force, from file and environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const file = env['WATCHFLOOR_CONFIG'] ?? 'watchfloor.config.json';
  let fromFile: Partial<Config> = {};
  if (existsSync(file)) {
    try {
      fromFile = JSON.parse(readFileSync(file, 'utf8')) as Partial<Config>;
    } catch (error) {
      throw new InputError('config/invalid', `${file}: not valid JSON (${(error as Error).message})`);
    }
  } else if (env['WATCHFLOOR_CONFIG']) {
    throw new InputError('config/not-found', `${file}: configuration file not found`);
  }
  const config: Config = {
    ...DEFAULT_CONFIG,
    ...fromFile,
    limits: { ...DEFAULT_LIMITS, ...(fromFile.limits ?? {}) },
  };
  if (env['WATCHFLOOR_DB']) config.db = env['WATCHFLOOR_DB'];
  if (env['WATCHFLOOR_HOST']) config.host = env['WATCHFLOOR_HOST'];
  if (env['WATCHFLOOR_PORT']) config.port = toInt('WATCHFLOOR_PORT', env['WATCHFLOOR_PORT']);
  if (env['WATCHFLOOR_TOKEN']) config.token = env['WATCHFLOOR_TOKEN'];
  if (env['WATCHFLOOR_MAX_BYTES']) config.limits.maxBytes = toInt('WATCHFLOOR_MAX_BYTES', env['WATCHFLOOR_MAX_BYTES']);
  if (env['WATCHFLOOR_ALLOWED_HOSTS']) config.allowedHosts = env['WATCHFLOOR_ALLOWED_HOSTS'].split(',').map((h) => h.trim()).filter(Boolean);
  if (env['WATCHFLOOR_BASE_URL']) config.baseUrl = env['WATCHFLOOR_BASE_URL'];
  if (config.allowedHosts !== undefined && (!Array.isArray(config.allowedHosts) || !config.allowedHosts.every((h) => typeof h === 'string')))
    throw new InputError('config/invalid', `${file}: "allowedHosts" must be a list of host names`);
  if (config.baseUrl !== undefined && config.baseUrl !== null && !isHttpUrl(config.baseUrl))
    throw new InputError('config/invalid', `baseUrl: not an http(s) URL: ${String(config.baseUrl).slice(0, 200)}`);
  return config;
}

/**
 * The desk's address for links sent out (alert feeds, e-mails): `baseUrl`, else the older `alerts.baseUrl`,
 * else the address the server listens on. Never the Host of a request, which the requester chooses.
 */
export function deskBaseUrl(config: Config): string {
  const legacy = (config['alerts'] as { baseUrl?: unknown } | undefined)?.baseUrl;
  const configured = config.baseUrl ?? (typeof legacy === 'string' && isHttpUrl(legacy) ? legacy : null);
  if (configured) return configured.replace(/\/+$/, '');
  const listen = config.host || '0.0.0.0';
  const host = listen === '0.0.0.0' ? '127.0.0.1' : listen === '::' ? '[::1]' : listen;
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${config.port}`;
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function toInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InputError('config/invalid', `${name}: not a whole number: ${value}`);
  return n;
}
