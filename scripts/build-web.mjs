// Builds the web desk with Vite when web/ exists; the server serves web/dist.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (existsSync('web/vite.config.ts') || existsSync('web/vite.config.js')) {
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', 'web'], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
