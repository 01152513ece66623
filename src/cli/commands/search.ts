/** `watchfloor search QUERY`: full-text search over stored articles, best match first. */
import type { Command } from 'commander';
import { withStore } from '../shared.js';
import type { SearchQuery } from '../../store.js';

interface SearchFlags {
  json?: boolean;
  since?: string;
  until?: string;
  source?: string;
  section?: string;
  country?: string;
  actor?: string;
  type?: string;
  sort?: string;
  limit?: string;
  offset?: string;
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('search stored articles: words, "phrases", OR, -excluded')
    .argument('[query...]', 'the search; empty lists the newest articles')
    .option('--json', 'print the result as JSON')
    .option('--since <date>', 'published on or after this date (YYYY-MM-DD)')
    .option('--until <date>', 'published on or before this date')
    .option('--source <name>', 'credited source or publisher')
    .option('--section <name>', "the page's section or a desk section")
    .option('--country <code>', 'mentions this country (ISO alpha-3, e.g. TJK)')
    .option('--actor <code>', 'an event with this actor code prefix (RUSMIL) or entity id (person:sergei-shoigu)')
    .option('--type <type>', 'an event of this CAMEO root or PLOVER type')
    .option('--sort <order>', 'relevance or date', 'relevance')
    .option('--limit <n>', 'hits to show', '20')
    .option('--offset <n>', 'hits to skip', '0')
    .action(async (words: string[], flags: SearchFlags, command: Command) => {
      const query: SearchQuery = {
        q: words.join(' '),
        sort: flags.sort === 'date' ? 'date' : 'relevance',
        limit: Number(flags.limit),
        offset: Number(flags.offset),
      };
      for (const key of ['since', 'until', 'source', 'section', 'country', 'actor'] as const) {
        const value = flags[key];
        if (value !== undefined) query[key] = value;
      }
      if (flags.type !== undefined) query.eventType = flags.type;
      if (!Number.isInteger(query.limit) || !Number.isInteger(query.offset)) {
        command.error('--limit and --offset take whole numbers', { exitCode: 2 });
      }
      await withStore(command, async (store) => {
        const result = await store.search(query);
        if (flags.json) {
          process.stdout.write(JSON.stringify(result, null, 2) + '\n');
          return;
        }
        if (result.total === 0) {
          process.stderr.write('no matching article\n');
          process.exitCode = 1;
          return;
        }
        for (const hit of result.hits) {
          const meta = [hit.published?.slice(0, 10), hit.source ?? hit.publisher, hit.section]
            .filter(Boolean)
            .join(' · ');
          process.stdout.write(
            `${String(hit.id).padStart(5)}  ${hit.title ?? '(untitled)'}\n       ${meta}\n       ${hit.snippet.replace(/\s+/g, ' ')}\n\n`,
          );
        }
        process.stdout.write(`${result.hits.length} of ${result.total} shown\n`);
      });
    });
}
