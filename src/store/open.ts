/** Opens the store a configuration names: a postgres:// URL selects PostgreSQL, anything else is a SQLite file. */
import type { Store } from '../store.js';
import { SqliteStore, type SqliteStoreOptions } from './sqlite.js';

/** `sqlite` options apply to a SQLite file only. */
export async function openStore(db: string, sqlite: SqliteStoreOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(db)) {
    // Loaded only when asked for, so SQLite users never load the pg driver.
    const modulePath = './postgres.js';
    const { PostgresStore } = (await import(modulePath)) as { PostgresStore: new (url: string) => Store };
    const store = new PostgresStore(db);
    await store.migrate();
    return store;
  }
  const store = new SqliteStore(db, sqlite);
  await store.migrate();
  return store;
}
