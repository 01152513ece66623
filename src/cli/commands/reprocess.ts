/** `watchfloor reprocess`: re-derives every article from its raw capture with the current pipeline. */
import type { Command } from 'commander';
import { createContext } from '../../core/context.js';
import { reprocessOne } from '../../ingest.js';
import { pipelineVersion } from '../../pipeline.js';
import { say } from '../messages.js';
import { BatchReport, withStore } from '../shared.js';
import { rebuildStories } from '../../stories/update-stories.js';
import { OutletDirectory } from '../../reliability/outlet-directory.js';
import { sourcesFor } from './watch.js';

export function registerReprocess(program: Command): void {
  program
    .command('reprocess')
    .description('re-derive every stored article from its raw capture with the current pipeline')
    .option('--stale', 'only captures whose analysis was made by other pipeline code or data (or failed)')
    .option('-q, --quiet', 'print only failures and the totals')
    .action(async (flags: { stale?: boolean; quiet?: boolean }, command: Command) => {
      process.exitCode = await withStore(command, async (store, config) => {
        const ctx = createContext({ limits: config.limits });
        let ids = await store.listCaptureIds();
        if (flags.stale) {
          const stale: number[] = [];
          const current = pipelineVersion();
          for (const id of ids) if ((await store.analysisVersion(id)) !== current) stale.push(id);
          ids = stale;
          if (ids.length === 0) {
            say(`nothing is stale: every capture is analysed by pipeline ${current}`);
            return 0;
          }
        }
        const report = new BatchReport(ids.length, { isQuiet: flags.quiet === true });
        for (const id of ids) report.add(await reprocessOne(store, id, ctx));
        // Event ids change on reprocess; stories and credibility grades are recomputed from the new analyses.
        if (report.articleIds.length > 0) await rebuildStories(store, new OutletDirectory(sourcesFor(config), ctx.data));
        return report.finish();
      }, { isReading: true });
    });
}
