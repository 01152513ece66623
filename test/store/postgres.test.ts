/**
 * The store suite against PostgreSQL, one fresh schema per test. Without a reachable server the suite is
 * skipped with the reason, except under CI=true, where that is a failure.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PostgresStore } from '../../src/store/postgres.js';
import { POSTGRES_MIGRATIONS } from '../../src/store/postgres-migrations.js';
import { storeSuite } from './store-suite.js';
import { createTestSchema, pgUnavailable } from './pg-test-db.js';
import { IS_CI } from '../helpers.js';

const unavailable = await pgUnavailable();
if (unavailable && IS_CI) {
  test('PostgreSQL is reachable (required when CI=true)', () => {
    assert.fail(unavailable);
  });
}

storeSuite(
  'postgres',
  async () => {
    const db = await createTestSchema();
    const store = new PostgresStore(db.url);
    await store.migrate();
    return {
      store,
      cleanup: async () => {
        await store.close();
        await db.drop();
      },
    };
  },
  unavailable ? { skip: unavailable } : {},
);

if (!unavailable) {
  test('postgres: the schema holds a migrations table and a weighted tsvector', async () => {
    const db = await createTestSchema();
    const store = new PostgresStore(db.url);
    try {
      await store.migrate();
      await store.migrate();
      const versions = await store.pool.query('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(
        versions.rows.map((r: { version: number }) => r.version),
        POSTGRES_MIGRATIONS.map((m) => m.version),
      );
      await store.putIngest((await import('./store-suite.js')).makeItem({ title: 'Title words', text: 'body words' }));
      const { rows } = await store.pool.query('SELECT tsv::text AS tsv FROM articles');
      assert.equal(rows[0]?.tsv, "'body':3B 'title':1A 'words':2A,4B");
    } finally {
      await store.close();
      await db.drop();
    }
  });

  test('postgres: an unreachable server is a clear error naming it', async () => {
    const store = new PostgresStore('postgres://nobody:secret@127.0.0.1:1/none');
    try {
      await assert.rejects(store.migrate(), (error: Error) => {
        assert.match(error.message, /postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none: cannot reach PostgreSQL/);
        assert.doesNotMatch(error.message, /secret/);
        return true;
      });
    } finally {
      await store.close();
    }
  });
}
