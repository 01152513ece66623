/** `watchfloor alerts add|list|remove|run`: saved searches, their feeds and e-mail digests. */
import type { Command } from 'commander';
import { describeError } from '../../core/errors.js';
import { readAlertInput } from '../../alerts/alert-input.js';
import { runAlerts, smtpFrom } from '../../alerts/run-alerts.js';
import type { Config } from '../../config.js';
import type { SearchQuery, Store } from '../../store.js';
import { withStore } from '../shared.js';
import { say } from '../messages.js';
import { parseDay, wholeNumber } from '../options.js';

/** The search filters as flags, plus the alert's own fields. */
interface AddFlags extends Omit<SearchQuery, 'sort' | 'limit' | 'offset'> {
  name: string;
  email?: string;
  digest?: string;
}

export function registerAlerts(program: Command): void {
  const alerts = program.command('alerts').description('saved searches with an Atom feed and e-mail digests');
  alerts
    .command('add')
    .description('save a search as an alert')
    .requiredOption('--name <name>', 'what the alert is called')
    .option('--q <query>', 'full-text query (words, "phrases", OR, -excluded)')
    .option('--since <date>', 'published on or after (YYYY, YYYY-MM or YYYY-MM-DD)', parseDay)
    .option('--until <date>', 'published on or before', parseDay)
    .option('--source <name>', 'credited source or publisher')
    .option('--section <name>', 'section')
    .option('--country <ISO3>', 'a country mentioned')
    .option('--actor <code-or-id>', 'an event actor code prefix or entity id')
    .option('--event-type <code>', 'CAMEO root or PLOVER type')
    .option('--email <address>', 'where digests go')
    .option('--digest <mode>', 'immediate, daily or none (default daily with --email, else none)')
    .action(async (flags: AddFlags, command: Command) => {
      await withStore(command, async (store) => {
        const { name, email, digest, ...query } = flags;
        const id = await store.putAlert(
          readAlertInput({ name, query, email: email ?? null, ...(digest ? { digest } : {}) }),
        );
        process.stdout.write(`alert ${id} saved\n`);
      });
    });
  alerts
    .command('list')
    .description('list the alerts')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        const list = await store.listAlerts();
        if (flags.json) process.stdout.write(JSON.stringify(list, null, 2) + '\n');
        else if (list.length === 0) say('no alerts (watchfloor alerts add saves one)');
        for (const a of flags.json ? [] : list) {
          process.stdout.write(
            `${a.id}\t${a.name}\t${JSON.stringify(a.query)}\t${a.email ?? '-'}\t${a.digest}\tlast sent ${a.lastSentAt ?? 'never'}\n`,
          );
        }
      }, { isReading: true });
    });
  alerts
    .command('remove')
    .description('delete an alert')
    .argument('<id>', 'alert id', wholeNumber(1))
    .action(async (id: number, _flags: unknown, command: Command) => {
      process.exitCode = await withStore(command, async (store) => {
        if (await store.deleteAlert(id)) return 0;
        say(`no alert ${id}`);
        return 1;
      }, { isReading: true });
    });
  alerts
    .command('run')
    .description('send the digests that are due over SMTP (config "smtp")')
    .option('--id <id>', 'only this alert', wholeNumber(1))
    .action(async (flags: { id?: number }, command: Command) => {
      process.exitCode = await withStore(command, (store, config) =>
        sendDigests(store, config, flags.id ? [flags.id] : undefined),
      { isReading: true });
    });
}

/** Sends due digests; returns the exit code. Used by `alerts run` and after each watch poll. */
export async function sendDigests(store: Store, config: Config, alertIds?: number[]): Promise<number> {
  let smtp;
  try {
    smtp = smtpFrom(config);
  } catch (error) {
    say(describeError(error).message);
    return 1;
  }
  if (!smtp) {
    say('no "smtp" section in watchfloor.config.json: e-mail digests are off');
    return 1;
  }
  const baseUrl =
    (config['alerts'] as { baseUrl?: string } | undefined)?.baseUrl ?? `http://${config.host}:${config.port}`;
  const results = await runAlerts(store, { smtp, baseUrl, ...(alertIds ? { alertIds } : {}) });
  for (const r of results) {
    if (r.error) process.stderr.write(`failed     ${r.error}\n`);
    else process.stdout.write(`alert ${r.alertId}: ${r.sent} article(s) sent\n`);
  }
  return results.some((r) => r.error) ? 1 : 0;
}
