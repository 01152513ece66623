/**
 * The desk in Debian's Chromium, for the end-to-end tests and for screenshots made by benches: finds the
 * browser (never downloads one), rebuilds the desk when its sources are newer than the build, and opens
 * an offline browser context in which anything not for our own server is refused and remembered.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { WEB_DIST } from '../../src/server/app.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Where tests and benches put their screenshots (ignored by git). */
export const SHOTS = path.join(ROOT, 'test-output');

/** Debian's chromium, from CHROMIUM_PATH, the PATH, or its usual place; null when not installed. */
export function findChromium(): string | null {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const found = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
  if (found && existsSync(found)) return found;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null;
}

/** True when web/dist is missing or older than a file of the desk's source, so the build would change it. */
function isWebStale(): boolean {
  const built = path.join(WEB_DIST, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? newer(full) : statSync(full).mtimeMs > builtAt;
    });
  return newer(path.join(ROOT, 'web/src')) || statSync(path.join(ROOT, 'web/index.html')).mtimeMs > builtAt;
}

/** Builds the desk (web/dist) when its sources changed since the last build. */
export function ensureWebBuilt(): void {
  if (!isWebStale()) return;
  const built = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', path.join(ROOT, 'web')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`web build failed: ${built.stderr}`);
}

export interface DeskBrowser {
  context: BrowserContext;
  page: Page;
  /** Addresses the page tried to reach other than our server (all refused). */
  external: string[];
  close(): Promise<void>;
}

/** Opens headless Chromium with a fresh profile, offline but for `base` (our server) and data/blob URLs. */
export async function openDeskBrowser(
  executablePath: string,
  base: string,
  viewport: { width: number; height: number } = { width: 1366, height: 900 },
): Promise<DeskBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'watchfloor-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport,
    colorScheme: 'light',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const external: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    external,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
