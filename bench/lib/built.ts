/**
 * A bench compiled against the build: esbuild bundles the bench's own code and helpers, and leaves every import of a module of
 * src/ an import of its built twin in dist/ (as `npm start` and the CLI run them); packages stay imports. Used by
 * scripts/run-built.ts (bench:pipeline, bench:parse) and bench/api.ts (its server child).
 */
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Writes `outfile` from the bench `entry`; `define` replaces expressions in the bench's code (its own folder, say). */
export async function compileAgainstDist(entry: string, outfile: string, define: Record<string, string> = {}): Promise<void> {
  const esbuild = await import('esbuild');
  const src = path.join(ROOT, 'src') + path.sep;
  const dist = path.join(ROOT, 'dist') + path.sep;
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    define,
    plugins: [
      {
        name: 'src-from-dist',
        setup(build) {
          build.onResolve({ filter: /^\.\.?\// }, (resolved) => {
            const full = path.resolve(resolved.resolveDir, resolved.path);
            return full.startsWith(src) ? { path: dist + full.slice(src.length).replace(/\.ts$/, '.js'), external: true } : undefined;
          });
        },
      },
    ],
  });
}
