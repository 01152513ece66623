/** The store suite against SQLite, one in-memory database per test. */
import { SqliteStore } from '../../src/store/sqlite.js';
import { storeSuite } from './store-suite.js';

storeSuite('sqlite', async () => {
  const store = new SqliteStore(':memory:');
  await store.migrate();
  return { store, cleanup: () => store.close() };
});
