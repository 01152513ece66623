/** `watchfloor export events|transfers --format ...`: the stored events or transfer register as a file. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withStore } from '../shared.js';
import type { EventFilter } from '../../store.js';
import { toCsv, toGdelt, toGeojson, toJsonl, toTransfersCsv, toTransfersJsonl } from '../../exports/index.js';

const EVENT_FORMATS = { gdelt: toGdelt, csv: toCsv, jsonl: toJsonl, geojson: toGeojson } as const;
const TRANSFER_FORMATS = { csv: toTransfersCsv, jsonl: toTransfersJsonl } as const;
// Rows exported when --limit is not given: the whole store of a desk, well under memory limits.
const DEFAULT_LIMIT = 1_000_000;

interface ExportFlags {
  format: string;
  out?: string;
  since?: string;
  until?: string;
  type?: string;
  actor?: string;
  limit?: string;
}

export function registerExport(program: Command): void {
  const exportCommand = program.command('export').description('export stored events or the arms-transfer register');
  addFilters(
    exportCommand
      .command('events')
      .description('stored events as GDELT 2.0 TSV (61 columns), CSV, JSON lines or GeoJSON')
      .option('--format <format>', 'gdelt | csv | jsonl | geojson', 'csv'),
  ).action(async (flags: ExportFlags, command: Command) => {
    const writer = EVENT_FORMATS[flags.format as keyof typeof EVENT_FORMATS];
    if (!writer) command.error(`--format: "${flags.format}" is not one of ${Object.keys(EVENT_FORMATS).join(', ')}`, { exitCode: 2 });
    const filter = filterOf(flags, command);
    await withStore(command, async (store) => emit(writer(await store.listEvents(filter)), flags.out));
  });
  addFilters(
    exportCommand
      .command('transfers')
      .description('the arms-transfer register as CSV or JSON lines')
      .option('--format <format>', 'csv | jsonl', 'csv'),
  ).action(async (flags: ExportFlags, command: Command) => {
    const writer = TRANSFER_FORMATS[flags.format as keyof typeof TRANSFER_FORMATS];
    if (!writer) command.error(`--format: "${flags.format}" is not one of ${Object.keys(TRANSFER_FORMATS).join(', ')}`, { exitCode: 2 });
    const filter = filterOf(flags, command);
    await withStore(command, async (store) => emit(writer(await store.listTransfers(filter)), flags.out));
  });
}

function addFilters(command: Command): Command {
  return command
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--since <date>', 'events on or after this date (YYYY-MM-DD)')
    .option('--until <date>', 'events on or before this date')
    .option('--type <type>', 'CAMEO code prefix or PLOVER type')
    .option('--actor <code>', 'actor code prefix of source or target (RUSMIL)')
    .option('--limit <n>', 'most rows to export');
}

/** The store filter the flags ask for; a malformed flag ends the command with a message naming it. */
function filterOf(flags: ExportFlags, command: Command): EventFilter {
  const filter: EventFilter = { limit: DEFAULT_LIMIT };
  for (const key of ['since', 'until'] as const) {
    const value = flags[key];
    if (value === undefined) continue;
    if (!/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(value)) command.error(`--${key}: not a date (YYYY-MM-DD): ${value}`, { exitCode: 2 });
    filter[key] = value;
  }
  if (flags.type !== undefined) filter.eventType = flags.type;
  if (flags.actor !== undefined) filter.actor = flags.actor;
  if (flags.limit !== undefined) {
    const limit = Number(flags.limit);
    if (!Number.isInteger(limit) || limit < 1) command.error(`--limit: not a positive whole number: ${flags.limit}`, { exitCode: 2 });
    filter.limit = limit;
  }
  return filter;
}

function emit(text: string, out: string | undefined): void {
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}
