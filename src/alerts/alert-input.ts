/** Validates a saved search from the API or the CLI: name, query and filters, e-mail and digest mode. */
import { RequestError } from '../core/errors.js';
import type { AlertInput, SearchQuery } from '../store.js';

/** Filters a saved search may carry (the search API's own). */
const FILTERS = ['since', 'until', 'source', 'section', 'country', 'actor', 'eventType'] as const;
const DIGESTS = ['immediate', 'daily', 'none'] as const;
/** Limits on what one alert may hold, so a client cannot store megabytes in one. */
const MAX_NAME = 200;
const MAX_QUERY = 500;
const MAX_FILTER = 200;
/** A plain address check (local@domain.tld); SMTP gives the final word. */
const EMAIL =
  /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** The alert described by a JSON body or CLI flags; throws a 400 naming the bad field. */
export function readAlertInput(body: unknown): AlertInput {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw bad('body', 'expected a JSON object');
  const b = body as Record<string, unknown>;
  const name = b['name'];
  if (typeof name !== 'string' || !name.trim() || name.length > MAX_NAME)
    throw bad('name', `a non-empty string of at most ${MAX_NAME} characters`);
  const source = (b['query'] && typeof b['query'] === 'object' ? b['query'] : b) as Record<string, unknown>;
  const q = source['q'] ?? '';
  if (typeof q !== 'string' || q.length > MAX_QUERY) throw bad('q', `a string of at most ${MAX_QUERY} characters`);
  const query: SearchQuery = { q };
  for (const key of FILTERS) {
    const value = source[key];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string' || value.length > MAX_FILTER)
      throw bad(key, `a string of at most ${MAX_FILTER} characters`);
    query[key] = value;
  }
  const email = b['email'] ?? null;
  if (email !== null && (typeof email !== 'string' || email.length > 254 || !EMAIL.test(email)))
    throw bad('email', 'an e-mail address');
  const digest = b['digest'] ?? (email ? 'daily' : 'none');
  if (typeof digest !== 'string' || !DIGESTS.includes(digest as AlertInput['digest']))
    throw bad('digest', `one of ${DIGESTS.join(', ')}`);
  if (digest !== 'none' && email === null) throw bad('email', `needed for ${digest} digests`);
  return { name: name.trim(), query, email, digest: digest as AlertInput['digest'] };
}

function bad(field: string, expected: string): RequestError {
  return new RequestError(400, 'alert/invalid', `${field}: expected ${expected}`);
}
