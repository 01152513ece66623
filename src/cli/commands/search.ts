/** `watchfloor search QUERY`: full-text search over stored articles, best match first. */
import { Option, type Command } from 'commander';
import { withStore } from '../shared.js';
import { say } from '../messages.js';
import { parseDay, wholeNumber } from '../options.js';
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
  limit: number;
  offset: number;
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('search stored articles: words, "phrases", OR, -excluded')
    .argument('[query...]', 'the search; empty lists the newest articles')
    .option('--json', 'print the result as JSON')
    .option('--since <date>', 'published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)', parseDay)
    .option('--until <date>', 'published on or before this date', parseDay)
    .option('--source <name>', 'credited source or publisher')
    .option('--section <name>', "the page's section or a desk section")
    .option('--country <code>', 'mentions this country (ISO alpha-3, e.g. TJK)')
    .option('--actor <code>', 'an event with this actor code prefix (RUSMIL) or entity id (person:sergei-shoigu)')
    .option('--type <type>', 'an event of this CAMEO root or PLOVER type')
    .addOption(new Option('--sort <order>', 'best match first, or newest first').choices(['relevance', 'date']).default('relevance'))
    .option('--limit <n>', 'hits to show (1 to 100)', wholeNumber(1, 100), 20)
    .option('--offset <n>', 'hits to skip', wholeNumber(0, 10_000), 0)
    .action(async (words: string[], flags: SearchFlags, command: Command) => {
      const query: SearchQuery = {
        q: words.join(' '),
        sort: flags.sort === 'date' ? 'date' : 'relevance',
        limit: flags.limit,
        offset: flags.offset,
      };
      for (const key of ['since', 'until', 'source', 'section', 'country', 'actor'] as const) {
        const value = flags[key];
        if (value !== undefined) query[key] = value;
      }
      if (flags.type !== undefined) query.eventType = flags.type;
      await withStore(command, async (store) => {
        const result = await store.search(query);
        if (flags.json) {
          process.stdout.write(JSON.stringify(result, null, 2) + '\n');
          return;
        }
        if (result.total === 0) {
          // Nothing found is not a failure (exit 0), as the README says.
          say('no matching article');
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
      }, { isReading: true });
    });
}
