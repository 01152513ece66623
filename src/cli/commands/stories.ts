/** `watchfloor stories rebuild|list|show`: story clusters and the credibility of their events. */
import type { Command } from 'commander';
import { createContext } from '../../core/context.js';
import { OutletDirectory } from '../../reliability/outlet-directory.js';
import { rebuildStories } from '../../stories/update-stories.js';
import { listStoryClusters } from '../../stories/story-list.js';
import { withStore } from '../shared.js';
import { sourcesFor } from './watch.js';
import { say } from '../messages.js';
import { wholeNumber } from '../options.js';

export function registerStories(program: Command): void {
  const stories = program.command('stories').description('story clusters: the same event told by different outlets');
  stories
    .command('rebuild')
    .description('recompute every story and event credibility grade from the stored articles')
    .action(async (_flags: unknown, command: Command) => {
      await withStore(command, async (store, config) => {
        const directory = new OutletDirectory(sourcesFor(config), createContext().data);
        await store.putOutlets(directory.outlets);
        const result = await rebuildStories(store, directory);
        process.stdout.write(`${result.storyIds.length} stories, ${result.gradedEvents} events graded\n`);
      });
    });
  stories
    .command('list')
    .description('list stories, newest first (--json: every story with its articles and their origins)')
    .option('--min-outlets <n>', 'only stories told by at least n outlets (text output)', wholeNumber(1), 1)
    .option('--limit <n>', 'how many (text output)', wholeNumber(1), 50)
    .option('--json', 'print every story as JSON: [{ id, headline, articles: [{ id, title, origin, language }] }]')
    .action(async (flags: { minOutlets: number; limit: number; json?: boolean }, command: Command) => {
      await withStore(
        command,
        async (store) => {
          if (flags.json) {
            // The contract's listing (../shared/CONTRACT.md): every story, every article in exactly one.
            process.stdout.write(JSON.stringify(await listStoryClusters(store), null, 2) + '\n');
            return;
          }
          const list = await store.listStories({ minOutlets: flags.minOutlets, limit: flags.limit });
          if (list.length === 0) say('no stories (watchfloor stories rebuild makes them from stored articles)');
          else
            for (const s of list)
              process.stdout.write(
                `${s.id}\t${s.firstSeen?.slice(0, 10) ?? '-'}\t${s.outletCount} outlets\t${s.articleCount} articles\t${s.headline ?? ''}\n`,
              );
        },
        { isReading: true },
      );
    });
  stories
    .command('show')
    .description('a story: articles with their outlet grades, events with credibility')
    .argument('<id>', 'story id', wholeNumber(1))
    .action(async (id: number, _flags: unknown, command: Command) => {
      process.exitCode = await withStore(
        command,
        async (store) => {
          const story = await store.getStory(id);
          if (!story) {
            say(`no story ${id}`);
            return 1;
          }
          process.stdout.write(JSON.stringify(story, null, 2) + '\n');
          return 0;
        },
        { isReading: true },
      );
    });
}
