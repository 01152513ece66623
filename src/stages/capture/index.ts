/** The `capture` stage: checks the raw bytes (size, emptiness, gzip) and describes them: hash, media type, origin. */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { defineStage } from '../../core/stage.js';
import { InputError } from '../../core/errors.js';
import type { Capture, DocInput } from '../../core/doc.js';
import type { Limits } from '../../core/context.js';

const GZIP_MAGIC = [0x1f, 0x8b];

/** Describes one input's bytes; throws InputError for empty, oversized or broken-gzip input. */
export function describeCapture(input: DocInput, limits: Limits, now: Date): Capture {
  const { bytes, origin } = input;
  if (bytes.length === 0) throw new InputError('capture/empty', `${origin}: empty file`);
  if (bytes.length > limits.maxBytes) throw tooLarge(origin, bytes.length, limits.maxBytes);
  const isGzipped = bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
  let body = bytes;
  if (isGzipped) {
    try {
      body = gunzipSync(bytes, { maxOutputLength: limits.maxInflatedBytes });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const isTooBig = /buffer|length|size/i.test(reason) && !/unexpected end/i.test(reason);
      throw new InputError(
        isTooBig ? 'capture/too-large' : 'capture/bad-gzip',
        isTooBig
          ? `${origin}: gzip inflates past the limit of ${limits.maxInflatedBytes} bytes`
          : `${origin}: broken or truncated gzip (${reason})`,
      );
    }
    if (body.length === 0) throw new InputError('capture/empty', `${origin}: empty file (after gunzip)`);
  }
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    mediaType: sniffMediaType(origin, input.contentType ?? null, body),
    origin,
    capturedAt: input.capturedAt ?? now.toISOString(),
    isGzipped,
    body,
  };
}

/** The error for a capture over the size limit, shared by the file reader (which checks before reading). */
export function tooLarge(origin: string, size: number, limit: number): InputError {
  return new InputError(
    'capture/too-large',
    `${origin}: ${formatBytes(size)} is over the size limit of ${formatBytes(limit)} (set WATCHFLOOR_MAX_BYTES to change it)`,
  );
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${n} bytes`;
}

/** text/html or text/plain: the transport's type, then the file name, then the bytes themselves. */
export function sniffMediaType(origin: string, contentType: string | null, body: Buffer): string {
  const declared = contentType?.split(';')[0]?.trim().toLowerCase();
  if (declared === 'text/html' || declared === 'application/xhtml+xml') return 'text/html';
  if (declared === 'text/plain') return 'text/plain';
  const name = origin.toLowerCase().replace(/\.gz$/, '');
  if (/\.(html?|xhtml|php|aspx?)$/.test(name)) return 'text/html';
  if (/\.(txt|text)$/.test(name)) return 'text/plain';
  const head = body.subarray(0, 2048).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF|^\xFF\xFE|^\xFE\xFF/, '');
  const ascii = head.replace(/\0/g, '').trimStart().slice(0, 512).toLowerCase();
  if (/^<(!doctype html|html|head|body|meta|title|div|p|article)\b/.test(ascii)) return 'text/html';
  return 'text/plain';
}

export const capture = defineStage('capture', (doc, ctx) => describeCapture(doc.input, ctx.limits, ctx.now));
