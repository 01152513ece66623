/** `watchfloor demo`: ingests the bundled demo corpus into the configured database, then serves the desk (`npm start`). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { openStore } from '../../store/open.js';
import { configFor } from '../shared.js';
import { ingestPaths } from './ingest.js';
import { applyServeFlags, serve } from './serve.js';

const DEMO_CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../demo/corpus');

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('ingest the bundled demo corpus, then serve the desk')
    .option('--host <host>', 'address to bind (default 127.0.0.1)')
    .option('--port <port>', 'port (default 8080)')
    .option('--no-serve', 'ingest only')
    .action(async (flags: { host?: string; port?: string; serve: boolean }, command: Command) => {
      const config = configFor(command);
      applyServeFlags(config, flags);
      const store = await openStore(config.db);
      try {
        process.stdout.write(`Ingesting the demo corpus into ${config.db}\n`);
        await ingestPaths(store, config, [DEMO_CORPUS], { quiet: true });
      } finally {
        await store.close();
      }
      if (flags.serve) await serve(config);
    });
}
