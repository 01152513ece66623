/** Test helpers: temporary folders, the CLI run from source, and the shared folder beside the checkout. */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = path.resolve(ROOT, '../shared');
const CLI = path.join(ROOT, 'src/cli/entry.ts');

/** Whether CI runs the tests: CI=true, CI=1 and any other value but empty, 0, false or no mean yes, everywhere. */
export function isCi(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false', 'no'].includes(value.trim().toLowerCase());
}

export const IS_CI = isCi(process.env['CI']);

/**
 * A test's `skip` for something outside the repository (../shared, a service): the reason here; under
 * CI never, so the test runs and fails, naming what is missing, instead of passing by being skipped.
 */
export function skipOutsideCi(reason: string | null | undefined): string | false {
  return reason && !IS_CI ? reason : false;
}

/** Why tests that need ../shared cannot run here, or undefined when it is present. */
export const NO_SHARED = existsSync(path.join(SHARED, 'CONTRACT.md'))
  ? undefined
  : `${SHARED} is absent (seed and gold sets live there)`;

/** A fresh temporary folder, removed when the process exits. */
export function tempDir(prefix = 'watchfloor-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `watchfloor ARGS` from source and waits for it. */
export function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string | Buffer; cwd?: string } = {},
): CliResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `watchfloor ARGS` from source without waiting. */
export function spawnCli(args: string[], options: { env?: NodeJS.ProcessEnv } = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
