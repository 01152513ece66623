/** Opens the store a configuration names: a postgres:// URL selects PostgreSQL, anything else is a SQLite file. */
import type { Store } from '../store.js';
import { SqliteStore } from './sqlite.js';

export async function openStore(db: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(db)) {
    // Loaded only when asked for, so SQLite users never load the pg driver.
    const modulePath = './postgres.js';
    const { PostgresStore } = (await import(modulePath)) as { PostgresStore: new (url: string) => Store };
    const store = new PostgresStore(db);
    await store.migrate();
    return store;
  }
  const store = new SqliteStore(db);
  await store.migrate();
  return store;
}
