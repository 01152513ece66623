/** `watchfloor serve`: the API and web desk on 127.0.0.1 (configurable). */
import type { Command } from 'commander';
import { buildApp } from '../../server/app.js';
import { openStore } from '../../store/open.js';
import { configFor } from '../shared.js';
import type { Config } from '../../config.js';

interface ServeFlags {
  host?: string;
  port?: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the API and the web desk')
    .option('--host <host>', 'address to bind (default 127.0.0.1)')
    .option('--port <port>', 'port (default 8080; 0 picks a free one)')
    .action(async (flags: ServeFlags, command: Command) => {
      const config = configFor(command);
      applyServeFlags(config, flags);
      await serve(config);
    });
}

export function applyServeFlags(config: Config, flags: ServeFlags): void {
  if (flags.host) config.host = flags.host;
  if (flags.port !== undefined) config.port = Number(flags.port);
}

/** Starts the server and prints its URL; runs until SIGINT/SIGTERM. */
export async function serve(config: Config): Promise<void> {
  const store = await openStore(config.db);
  const app = await buildApp({ store, config, isLogging: false });
  const address = await app.listen({ host: config.host, port: config.port });
  process.stdout.write(`Watchfloor desk: ${address.replace('[::1]', 'localhost')}/\n`);
  if (!config.token) process.stdout.write('No WATCHFLOOR_TOKEN set: the desk is read-only.\n');
  const stop = async (): Promise<void> => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
