/** `watchfloor export events|transfers --format ...`: the stored events or transfer register as a file. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withStore } from '../shared.js';
import type { EventFilter } from '../../store.js';
import {
  toCsv,
  toGdelt,
  toGeojson,
  toJsonl,
  toRegisterCsv,
  toRegisterJsonl,
  toTransfersCsv,
  toTransfersJsonl,
} from '../../exports/index.js';
import { buildRegister } from '../../register/transfer-register.js';
import { usageError } from '../messages.js';
import { isDay, parseDay } from '../options.js';

/** Event export formats and their writers. */
export const EVENT_FORMATS = { gdelt: toGdelt, csv: toCsv, jsonl: toJsonl, geojson: toGeojson } as const;
/** Transfer export formats and their writers. */
export const TRANSFER_FORMATS = { csv: toTransfersCsv, jsonl: toTransfersJsonl } as const;
/** Merged-register formats: one row per transfer, listing every outlet that told it. */
export const REGISTER_FORMATS = { csv: toRegisterCsv, jsonl: toRegisterJsonl } as const;
// Rows exported when --limit is not given: the whole store of a desk, well under memory limits.
const DEFAULT_LIMIT = 1_000_000;

/** The flags `export events` and `export transfers` take. */
export interface ExportFlags {
  format: string;
  out?: string;
  since?: string;
  until?: string;
  type?: string;
  actor?: string;
  limit?: string;
  reports?: boolean;
}

export function registerExport(program: Command): void {
  const exportCommand = program.command('export').description('export stored events or the arms-transfer register');
  addFilters(
    exportCommand
      .command('events')
      .description('stored events as GDELT 2.0 TSV (61 columns), CSV, JSON lines or GeoJSON')
      .option('--format <format>', 'gdelt | csv | jsonl | geojson', 'csv'),
  ).action(async (flags: ExportFlags, command: Command) => {
    const { writer, filter } = usage(command, () => ({
      writer: writerFor(EVENT_FORMATS, flags.format),
      filter: filterOf(flags),
    }));
    await withStore(command, async (store) => emit(writer(await store.listEvents(filter)), flags.out), { isReading: true });
  });
  addFilters(
    exportCommand
      .command('transfers')
      .description(
        'the arms-transfer register as CSV or JSON lines: one row per transfer, with every outlet that told it',
      )
      .option('--format <format>', 'csv | jsonl', 'csv')
      .option('--reports', 'one row per report instead (each article that told a transfer)'),
  ).action(async (flags: ExportFlags, command: Command) => {
    const filter = usage(command, () => filterOf(flags));
    if (flags.reports) {
      const writer = usage(command, () => writerFor(TRANSFER_FORMATS, flags.format));
      await withStore(command, async (store) => emit(writer(await store.listTransfers(filter)), flags.out), { isReading: true });
      return;
    }
    const writer = usage(command, () => writerFor(REGISTER_FORMATS, flags.format));
    await withStore(command, async (store) => emit(writer(buildRegister(await store.listTransfers(filter))), flags.out), { isReading: true });
  });
}

function addFilters(command: Command): Command {
  return command
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--since <date>', 'events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)', parseDay)
    .option('--until <date>', 'events on or before this date', parseDay)
    .option('--type <type>', 'CAMEO code prefix or PLOVER type')
    .option('--actor <code>', 'actor code prefix of source or target (RUSMIL)')
    .option('--limit <n>', 'most rows to export');
}

/** Runs flag checks; a malformed flag ends the command as a usage error (exit 2) naming the flag. */
function usage<T>(command: Command, check: () => T): T {
  try {
    return check();
  } catch (error) {
    return usageError(command, error instanceof Error ? error.message : String(error));
  }
}

/** The writer for a format, or an error listing the formats there are. */
export function writerFor<W>(formats: Record<string, W>, format: string): W {
  const writer = Object.hasOwn(formats, format) ? formats[format] : undefined;
  if (!writer) throw new Error(`--format: "${format}" is not one of ${Object.keys(formats).join(', ')}`);
  return writer;
}

/** The store filter the flags ask for; throws naming the first malformed flag. */
export function filterOf(flags: ExportFlags): EventFilter {
  const filter: EventFilter = { limit: DEFAULT_LIMIT };
  for (const key of ['since', 'until'] as const) {
    const value = flags[key];
    if (value === undefined) continue;
    if (!isDay(value)) throw new Error(`--${key}: not a date (YYYY, YYYY-MM or YYYY-MM-DD): ${value}`);
    filter[key] = value;
  }
  if (flags.type !== undefined) filter.eventType = flags.type;
  if (flags.actor !== undefined) filter.actor = flags.actor;
  if (flags.limit !== undefined) {
    const limit = Number(flags.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`--limit: not a positive whole number: ${flags.limit}`);
    filter.limit = limit;
  }
  return filter;
}

function emit(text: string, out: string | undefined): void {
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}
