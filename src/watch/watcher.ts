/**
 * The watcher: polls configured feeds and pages with conditional GET, follows new feed items to their
 * pages and ingests each page once; what it has seen is kept in the store, so a restart repeats nothing.
 * A broken feed or page fails alone with a message naming it; the rest of the poll carries on.
 */
import type { Context } from '../core/context.js';
import { describeError } from '../core/errors.js';
import { ingestOne } from '../ingest.js';
import type { Store, WatchItem } from '../store.js';
import { fetchUrl, FEED_TYPES, PAGE_TYPES, type FetchLimits } from '../fetch/fetch-url.js';
import type { OutletDirectory } from '../reliability/outlet-directory.js';
import { updateStories } from '../stories/update-stories.js';
import { HostPacer } from './host-pacer.js';
import { readFeed } from './read-feed.js';
import { RobotsCache } from './robots-cache.js';
import type { SourceConfig, WatchSettings } from './sources.js';

export interface WatcherOptions {
  store: Store;
  ctx: Context;
  sources: readonly SourceConfig[];
  limits: FetchLimits;
  settings: WatchSettings;
  directory: OutletDirectory;
  /** Update story clusters after each poll (default true). */
  isUpdatingStories?: boolean;
  /** One line per failure and per source polled. */
  log?: (line: string) => void;
  /** How a fetched page is stored (default: ingestOne, the full pipeline); the bench swaps in capture-only. */
  ingest?: typeof ingestOne;
}

export interface WatchProblem {
  url: string;
  code: string;
  message: string;
}

export interface PollReport {
  sourcesPolled: number;
  notModified: number;
  failedSources: number;
  /** Items seen in feeds, new or not. */
  items: number;
  ingested: number;
  unchanged: number;
  alreadySeen: number;
  failedItems: number;
  skipped: number;
  /** Articles stored or re-analysed in this poll. */
  articleIds: number[];
  problems: WatchProblem[];
}

export class Watcher {
  readonly #o: WatcherOptions;
  readonly #pacer: HostPacer;
  readonly #robots: RobotsCache;

  constructor(options: WatcherOptions) {
    this.#o = options;
    this.#pacer = new HostPacer(options.settings.hostIntervalMs);
    this.#robots = new RobotsCache(options.limits, this.#pacer);
  }

  /** The sources with a URL to watch. */
  get watched(): SourceConfig[] {
    return this.#o.sources.filter((s) => s.url !== null);
  }

  /** Polls the given sources (all watched ones by default) once, a few at a time. */
  async poll(sources: readonly SourceConfig[] = this.watched): Promise<PollReport> {
    const report: PollReport = {
      sourcesPolled: 0,
      notModified: 0,
      failedSources: 0,
      items: 0,
      ingested: 0,
      unchanged: 0,
      alreadySeen: 0,
      failedItems: 0,
      skipped: 0,
      articleIds: [],
      problems: [],
    };
    const queue = [...sources];
    const workers = Array.from(
      { length: Math.max(1, Math.min(this.#o.settings.concurrency, queue.length)) },
      async () => {
        for (let source = queue.shift(); source; source = queue.shift()) await this.#pollSource(source, report);
      },
    );
    await Promise.all(workers);
    if (this.#o.isUpdatingStories !== false && report.articleIds.length > 0) {
      try {
        await updateStories(this.#o.store, report.articleIds, this.#o.directory);
      } catch (error) {
        this.#problem(report, 'stories', error);
      }
    }
    return report;
  }

  /** Polls on schedule until the signal aborts: each source when its interval has passed. */
  async run(signal: AbortSignal, onPoll?: (report: PollReport) => Promise<void> | void): Promise<void> {
    while (!signal.aborted) {
      const now = Date.now();
      const due: SourceConfig[] = [];
      let nextAt = now + 60_000;
      for (const source of this.watched) {
        const state = await this.#o.store.getWatchState(source.url!);
        const interval = (source.intervalMinutes ?? this.#o.settings.intervalMinutes) * 60_000;
        const at = state?.lastPolledAt ? Date.parse(state.lastPolledAt) + interval : now;
        if (at <= now) due.push(source);
        else nextAt = Math.min(nextAt, at);
      }
      if (due.length > 0) await onPoll?.(await this.poll(due));
      else await abortableDelay(Math.max(1000, nextAt - Date.now()), signal);
    }
  }

  async #pollSource(source: SourceConfig, report: PollReport): Promise<void> {
    const { store } = this.#o;
    const url = source.url!;
    const state = await store.getWatchState(url);
    const polledAt = new Date().toISOString();
    report.sourcesPolled++;
    try {
      const refusal = this.#o.settings.isRobotsRespected ? await this.#robots.refusal(url) : null;
      if (refusal) throw Object.assign(new Error(`${url}: ${refusal}`), { code: 'watch/robots' });
      await this.#pacer.wait(new URL(url).host);
      const result = await fetchUrl(url, {
        limits: this.#o.limits,
        accept: source.type === 'feed' ? FEED_TYPES : PAGE_TYPES,
        etag: state?.etag ?? null,
        lastModified: state?.lastModified ?? null,
      });
      const next = {
        sourceKey: url,
        etag: result.etag,
        lastModified: result.lastModified,
        lastPolledAt: polledAt,
        lastError: null,
      };
      if (result.isNotModified) {
        report.notModified++;
        await store.putWatchState({
          ...next,
          etag: result.etag ?? state?.etag ?? null,
          lastModified: result.lastModified ?? state?.lastModified ?? null,
          lastStatus: 'not-modified',
        });
        return;
      }
      if (source.type === 'page') {
        await this.#ingestPage(
          source,
          { id: result.url, url: result.url, published: null },
          report,
          result.body,
          result.contentType,
        );
      } else {
        const feed = readFeed(result.body, url, result.url);
        for (const item of feed.items.slice(0, this.#o.settings.maxItemsPerFeed))
          await this.#handleItem(source, item, report);
      }
      // Validators are saved only once the items are handled, so a crash mid-feed re-reads it next time.
      await store.putWatchState({ ...next, lastStatus: 'ok' });
    } catch (error) {
      report.failedSources++;
      const problem = this.#problem(report, url, error);
      await store.putWatchState({
        sourceKey: url,
        etag: state?.etag ?? null,
        lastModified: state?.lastModified ?? null,
        lastPolledAt: polledAt,
        lastStatus: 'failed',
        lastError: problem.message,
      });
      await store.recordFailure({
        origin: url,
        sha256: null,
        code: problem.code,
        message: problem.message,
        at: polledAt,
      });
    }
  }

  async #handleItem(
    source: SourceConfig,
    item: { id: string; url: string | null; published: string | null },
    report: PollReport,
  ): Promise<void> {
    const { store, settings } = this.#o;
    report.items++;
    const seen = await store.getWatchItem(source.url!, item.id);
    if (seen && (seen.status !== 'failed' || seen.attempts >= settings.maxAttempts)) {
      report.alreadySeen++;
      return;
    }
    const record: WatchItem = {
      sourceKey: source.url!,
      itemId: item.id,
      url: item.url,
      status: 'skipped',
      attempts: (seen?.attempts ?? 0) + 1,
      articleId: null,
      seenAt: new Date().toISOString(),
    };
    if (!item.url || !/^https?:/i.test(item.url)) {
      report.skipped++;
      await store.putWatchItem(record);
      return;
    }
    if (await store.isUrlWatched(item.url)) {
      report.alreadySeen++;
      await store.putWatchItem({ ...record, status: 'ingested' });
      return;
    }
    try {
      const refusal = settings.isRobotsRespected ? await this.#robots.refusal(item.url) : null;
      if (refusal) {
        report.skipped++;
        this.#o.log?.(`skipped    ${item.url}: ${refusal}`);
        await store.putWatchItem(record);
        return;
      }
      await this.#pacer.wait(new URL(item.url).host);
      const page = await fetchUrl(item.url, { limits: this.#o.limits, accept: PAGE_TYPES });
      const articleId = await this.#ingestPage(source, item, report, page.body, page.contentType, page.url);
      await store.putWatchItem({
        ...record,
        status: articleId === false ? 'failed' : 'ingested',
        articleId: articleId || null,
      });
    } catch (error) {
      report.failedItems++;
      const problem = this.#problem(report, item.url, error);
      await store.recordFailure({
        origin: item.url,
        sha256: null,
        code: problem.code,
        message: problem.message,
        at: record.seenAt,
      });
      await store.putWatchItem({ ...record, status: 'failed' });
    }
  }

  /** Ingests a fetched page; returns its article id, null when unchanged, false when it failed. */
  async #ingestPage(
    _source: SourceConfig,
    item: { id: string; url: string | null; published: string | null },
    report: PollReport,
    body: Buffer,
    contentType: string | null,
    finalUrl?: string,
  ): Promise<number | null | false> {
    const origin = finalUrl ?? item.url ?? item.id;
    const outcome = await (this.#o.ingest ?? ingestOne)(
      this.#o.store,
      {
        origin,
        bytes: body,
        url: origin,
        contentType,
        published: item.published,
        capturedAt: new Date().toISOString(),
      },
      this.#o.ctx,
    );
    if (outcome.status === 'failed') {
      report.failedItems++;
      const message = outcome.error?.message ?? 'failed';
      report.problems.push({ url: origin, code: outcome.error?.code ?? 'ingest/failed', message });
      this.#o.log?.(`failed     ${message.startsWith(origin) ? message : `${origin}: ${message}`}`);
      return false;
    }
    if (outcome.status === 'unchanged') {
      report.unchanged++;
      return null;
    }
    report.ingested++;
    if (outcome.articleId !== null) report.articleIds.push(outcome.articleId);
    this.#o.log?.(
      `${outcome.status.padEnd(10)} ${origin}${outcome.articleId !== null ? ` (article ${outcome.articleId})` : ''}`,
    );
    return outcome.articleId;
  }

  #problem(report: PollReport, url: string, error: unknown): WatchProblem {
    const described = describeError(error);
    const code = (error as { code?: unknown }).code;
    const problem: WatchProblem = {
      url,
      code: typeof code === 'string' ? code : described.code,
      message: described.message.startsWith(url) ? described.message : `${url}: ${described.message}`,
    };
    report.problems.push(problem);
    this.#o.log?.(`failed     ${problem.message}`);
    return problem;
  }
}

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
