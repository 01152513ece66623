// Runs every *.test.ts under src/ and test/ with node's test runner through tsx.
// Node 20's runner does not expand globs, so the files are listed here.
// Under CI (CI=true, CI=1: any value but empty, 0, false or no) nothing may be skipped: a skipped or
// todo test fails the run, naming it, so a missing ../shared or service cannot pass as green.
import { readdirSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';

function find(dir, out = []) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) find(full, out);
    else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const ci = process.env.CI;
const isCi = ci !== undefined && !['', '0', 'false', 'no'].includes(ci.trim().toLowerCase());
const only = process.argv.slice(2);
const files = only.length > 0 ? only : [...find('src'), ...find('test')].sort();
// Under CI the TAP reporter, whose `# SKIP` marks and closing `# pass N` / `# fail N` are read here and by CI.
const args = ['--import', 'tsx', '--test', ...(isCi ? ['--test-reporter=tap'] : []), ...files];
const child = spawn(process.execPath, args, { stdio: ['inherit', isCi ? 'pipe' : 'inherit', 'inherit'] });

const skipped = [];
if (isCi) {
  let rest = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (/^\s*(?:not )?ok \d+ - .*# (?:SKIP|TODO)\b/i.test(line)) skipped.push(line.trim());
  });
}

child.on('close', (code, signal) => {
  if (signal) {
    process.stderr.write(`run-tests: the test runner was killed by ${signal}\n`);
    process.exit(1);
  }
  if (skipped.length > 0) {
    process.stderr.write(`run-tests: ${skipped.length} test(s) skipped under CI, where every test must run:\n${skipped.map((l) => `  ${l}`).join('\n')}\n`);
    process.exit(1);
  }
  process.exit(code ?? 1);
});
