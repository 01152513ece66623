/**
 * Throwaway PostgreSQL schemas for tests: each store gets `wf_test_<random>` (search_path set through the
 * URL's options), dropped afterwards. WATCHFLOOR_TEST_PG names the server; loopback `test` database by default.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_PG_URL = process.env['WATCHFLOOR_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Null when the server answers; otherwise why it does not (for a skip reason or a CI failure). */
export async function pgUnavailable(url: string = TEST_PG_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `PostgreSQL at ${url} is unreachable (${(error as Error).message || (error as { code?: string }).code}); start it (pg_ctlcluster 15 main start) or set WATCHFLOOR_TEST_PG`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A new empty schema: the URL that selects it, and a function that drops it. */
export async function createTestSchema(url: string = TEST_PG_URL): Promise<{ url: string; schema: string; drop(): Promise<void> }> {
  const schema = `wf_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const separator = url.includes('?') ? '&' : '?';
  return {
    url: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
