/**
 * WARC import: each `response` record with an HTML (or plain-text) body becomes a capture with its
 * target URL and capture date, ingested like any page. Other records (requests, metadata, revisits,
 * images) are passed over. Gzipped WARCs (.warc.gz, one gzip member per record) are read as they are.
 */
import { createReadStream } from 'node:fs';
import { WARCParser } from 'warcio';
import type { Context } from '../core/context.js';
import { describeError } from '../core/errors.js';
import { ingestOne, type IngestOutcome } from '../ingest.js';
import type { Store } from '../store.js';

/** Paths the ingest command hands to this importer. */
export const WARC_FILE = /\.warc(\.gz)?$/i;

/** Media types of response bodies worth analysing. */
const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain']);

export interface WarcImportOptions {
  /** Called once per page record: stored, unchanged or failed. */
  onOutcome?: (outcome: IngestOutcome) => void;
}

export interface WarcImportSummary {
  records: number;
  pages: number;
  skipped: number;
}

/** Imports the pages of one WARC file; a broken record or file is reported as a failed outcome, never thrown. */
export async function importWarc(
  store: Store,
  ctx: Context,
  file: string,
  options: WarcImportOptions = {},
): Promise<WarcImportSummary> {
  const summary: WarcImportSummary = { records: 0, pages: 0, skipped: 0 };
  const report = (outcome: IngestOutcome): void => options.onOutcome?.(outcome);
  const fail = async (origin: string, code: string, message: string): Promise<void> => {
    await store.recordFailure({ origin, sha256: null, code, message, at: new Date().toISOString() });
    report({ origin, status: 'failed', sha256: null, captureId: null, articleId: null, error: { code, message } });
  };
  try {
    for await (const record of WARCParser.iterRecords(createReadStream(file))) {
      summary.records++;
      if (!/^WARC\/\d/.test(record.warcHeaders.statusline)) {
        throw new Error(`record ${summary.records} does not start with a WARC/1.x version line`);
      }
      const uri = record.warcTargetURI ?? null;
      const info = record.warcType === 'response' ? record.getResponseInfo() : null;
      const contentType = info ? headerOf(info.headers, 'content-type') : null;
      const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
      if (!uri || !info || Number(info.status) !== 200 || !PAGE_TYPES.has(mediaType)) {
        summary.skipped++;
        await record.skipFully();
        continue;
      }
      const origin = `${file}#${uri}`;
      // The declared length bounds what is read (and inflated): past the limit the record is refused unread.
      if (record.warcContentLength > ctx.limits.maxBytes) {
        await record.skipFully();
        await fail(
          origin,
          'capture/too-large',
          `${origin}: record of ${record.warcContentLength} bytes is over the size limit of ${ctx.limits.maxBytes} bytes`,
        );
        continue;
      }
      const body = Buffer.from(await record.readFully(true));
      summary.pages++;
      const capturedAt = toIso(record.warcDate ?? null);
      report(
        await ingestOne(
          store,
          { origin, bytes: body, url: uri, contentType, ...(capturedAt ? { capturedAt } : {}) },
          ctx,
        ),
      );
    }
  } catch (error) {
    await fail(file, 'warc/invalid', `${file}: not a readable WARC file (${describeError(error).message})`);
    return summary;
  }
  if (summary.records === 0)
    await fail(file, 'warc/invalid', `${file}: not a readable WARC file (no WARC records found)`);
  return summary;
}

function headerOf(headers: Headers | Map<string, string>, name: string): string | null {
  if (headers instanceof Map) {
    for (const [key, value] of headers) if (key.toLowerCase() === name) return value;
    return null;
  }
  return headers.get(name);
}

/** WARC-Date is ISO 8601 already; normalised so the store sorts it with other times. */
function toIso(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
