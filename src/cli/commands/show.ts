/** `watchfloor show ID`: one stored article with what was found in it. */
import type { Command } from 'commander';
import { withStore } from '../shared.js';
import { say, usageError } from '../messages.js';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('show one stored article and its findings')
    .argument('<id>', 'article id (from search)')
    .option('--json', 'print the stored analysis as JSON')
    .action(async (idText: string, flags: { json?: boolean }, command: Command) => {
      const id = Number(idText);
      if (!Number.isInteger(id) || id < 1) usageError(command, `not an article id: ${idText}`);
      await withStore(command, async (store) => {
        const stored = await store.getArticle(id);
        if (!stored) {
          say(`no article ${id}`);
          process.exitCode = 1;
          return;
        }
        if (flags.json) {
          process.stdout.write(JSON.stringify(stored, null, 2) + '\n');
          return;
        }
        const { article, entities, events, transfers } = stored.analysis;
        const lines = [
          article.title ?? '(untitled)',
          [article.published, article.source, article.publisher, article.section].filter(Boolean).join(' · '),
          `capture ${stored.sha256.slice(0, 12)} from ${stored.origin}, pipeline ${stored.pipelineVersion}`,
          '',
          article.text,
          '',
        ];
        if (entities.length)
          lines.push(
            'Entities:',
            ...entities.map((e) => `  ${e.type.padEnd(12)} ${e.name}${e.code ? ` [${e.code}]` : ''}`),
            '',
          );
        if (events.length) {
          lines.push(
            'Events:',
            ...events.map(
              (e) =>
                `  ${e.cameo} ${e.plover.padEnd(9)} ${e.source?.code ?? '?'} -> ${e.target?.code ?? '?'}  ${e.date ?? ''} ${e.modality}  “${e.evidence.text.slice(0, 80)}”`,
            ),
            '',
          );
        }
        if (transfers.length) {
          lines.push(
            'Transfers:',
            ...transfers.map(
              (t) =>
                `  ${t.supplier ?? '?'} -> ${t.recipient ?? '?'} ${t.status}: ${t.items.map((i) => (i.count === null ? i.item : `${i.count} ${i.item}`)).join(', ')}`,
            ),
          );
        }
        process.stdout.write(lines.join('\n') + '\n');
      }, { isReading: true });
    });
}
