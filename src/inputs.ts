/** Turns command-line paths (files, directories, globs, `-`) into page inputs, read lazily with size limits. */
import { createReadStream } from 'node:fs';
import { readFile, stat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { InputError } from './core/errors.js';
import { tooLarge } from './stages/capture/index.js';

/** File names taken when a directory is given: pages as captured, gzipped or not. */
export const PAGE_FILE = /\.(html?|xhtml|txt|text)(\.gz)?$/i;

/** One path to read, or a path that could not be expanded (reported, not thrown). */
export type InputPath = { path: string } | { path: string; error: InputError };

/** Expands arguments into file paths in a stable order; `-` stays `-`. */
export async function expandPaths(args: readonly string[]): Promise<InputPath[]> {
  const out: InputPath[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push({ path: '-' });
      continue;
    }
    if (isDynamicPattern(arg)) {
      const matches = globSync(arg, { onlyFiles: true, absolute: false }).sort();
      if (matches.length === 0)
        out.push({ path: arg, error: new InputError('input/no-match', `${arg}: no file matches`) });
      for (const match of matches) out.push({ path: match });
      continue;
    }
    let info;
    try {
      info = await stat(arg);
    } catch {
      out.push({ path: arg, error: new InputError('input/not-found', `${arg}: no such file or directory`) });
      continue;
    }
    if (info.isDirectory()) for (const file of await walk(arg)) out.push({ path: file });
    else out.push({ path: arg });
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (entry.isFile() && PAGE_FILE.test(entry.name)) files.push(full);
  }
  return files;
}

/** Reads a file (or standard input for `-`), refusing it before reading when it is over the limit. */
export async function readInput(file: string, maxBytes: number): Promise<Buffer> {
  if (file === '-') return readStream(process.stdin, '-', maxBytes);
  const info = await stat(file);
  if (info.size > maxBytes) throw tooLarge(file, info.size, maxBytes);
  if (info.size === 0) return Buffer.alloc(0);
  return info.isFile() ? readFile(file) : readStream(createReadStream(file), file, maxBytes);
}

async function readStream(stream: NodeJS.ReadableStream, origin: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk);
    size += buffer.length;
    if (size > maxBytes) throw tooLarge(origin, size, maxBytes);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** A publication time as callers give it: a day (2021-09-11) or an ISO 8601 time with an optional offset. */
const PUBLISHED = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** No web page was published before this year; earlier values are typing errors or placeholders (0000-00-00). */
const EARLIEST_PUBLISHED_YEAR = 1900;

/**
 * Checks a publication time given with a page (upload, `--published`): the whole value must be a real calendar
 * day, optionally with a time, from 1900 to next year. Throws an InputError naming the value otherwise.
 */
export function readPublished(value: string, name = 'published'): string {
  const m = PUBLISHED.exec(value.trim());
  const [year, month, day, hour = 0, minute = 0, second = 0] = m ? m.slice(1, 7).map((part) => Number(part ?? 0)) : [];
  const lastYear = new Date().getUTCFullYear() + 1;
  const date = new Date(0);
  if (year !== undefined && month !== undefined && day !== undefined) date.setUTCFullYear(year, month - 1, day);
  const isValid =
    m !== null &&
    year !== undefined &&
    year >= EARLIEST_PUBLISHED_YEAR &&
    year <= lastYear &&
    date.getUTCMonth() === (month ?? 0) - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 61;
  if (!isValid) {
    throw new InputError(
      'input/published',
      `${name}: not a publication date from ${EARLIEST_PUBLISHED_YEAR} to ${lastYear} (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM]): ${JSON.stringify(value.slice(0, 60))}`,
    );
  }
  return value.trim();
}
