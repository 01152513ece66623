/**
 * Ingest: one page's bytes in, a stored capture and analysis out. Used by the CLI, the server's upload,
 * the watcher and the workers alike. A page that fails is reported and recorded; it never stops a batch.
 */
import type { DocInput } from './core/doc.js';
import { createDoc } from './core/doc.js';
import type { Context } from './core/context.js';
import { runStages } from './core/stage.js';
import { describeError } from './core/errors.js';
import { PIPELINE, pipelineVersion } from './pipeline.js';
import { toAnalysis } from './analysis.js';
import type { Store } from './store.js';
import { updateStories } from './stories/update-stories.js';
import type { OutletDirectory } from './reliability/outlet-directory.js';

/** `queued`: handed to the NATS queue for a worker to analyse and store. */
export type IngestStatus = 'stored' | 'unchanged' | 'reanalysed' | 'queued' | 'failed';

export interface IngestOutcome {
  origin: string;
  status: IngestStatus;
  sha256: string | null;
  captureId: number | null;
  articleId: number | null;
  error: { code: string; message: string } | null;
}

export interface IngestOptions {
  /** Re-analyse even when the stored analysis is current. */
  isForced?: boolean;
}

/** Stores one page: the same bytes twice change nothing and say "unchanged". */
export async function ingestOne(
  store: Store,
  input: DocInput,
  ctx: Context,
  options: IngestOptions = {},
): Promise<IngestOutcome> {
  const doc = createDoc(input);
  const [captureStage, ...rest] = PIPELINE;
  const outcome: IngestOutcome = {
    origin: input.origin,
    status: 'failed',
    sha256: null,
    captureId: null,
    articleId: null,
    error: null,
  };
  try {
    if (captureStage) runStages(doc, [captureStage], ctx);
  } catch (error) {
    // Refused before anything is kept (empty, over the size limit, broken gzip): only the failure is recorded.
    outcome.error = describeError(error);
    await store.recordFailure({ origin: input.origin, sha256: null, ...outcome.error, at: new Date().toISOString() });
    return outcome;
  }
  const capture = doc.capture!;
  outcome.sha256 = capture.sha256;
  const existing = await store.findCapture(capture.sha256);
  if (existing && !options.isForced && (await store.analysisVersion(existing.id)) === pipelineVersion()) {
    return { ...outcome, status: 'unchanged', captureId: existing.id, articleId: await store.articleIdOf(existing.id) };
  }
  let failure: { code: string; message: string } | null = null;
  try {
    runStages(doc, rest, ctx);
  } catch (error) {
    failure = describeError(error);
  }
  const { body: _body, ...captureRecord } = capture;
  const stored = await store.putIngest({
    capture: captureRecord,
    bytes: input.bytes,
    url: input.url ?? null,
    analysis: failure ? null : toAnalysis(doc),
    failure,
    pipelineVersion: pipelineVersion(),
  });
  return {
    ...outcome,
    status: failure ? 'failed' : existing ? 'reanalysed' : 'stored',
    captureId: stored.id,
    articleId: stored.articleId,
    error: failure,
  };
}

/** Re-derives one stored capture's analysis from its raw bytes. */
export async function reprocessOne(store: Store, captureId: number, ctx: Context): Promise<IngestOutcome> {
  const record = await store.getCapture(captureId);
  const bytes = await store.getCaptureBytes(captureId);
  if (!record || !bytes) {
    return {
      origin: `capture ${captureId}`,
      status: 'failed',
      sha256: null,
      captureId,
      articleId: null,
      error: { code: 'store/not-found', message: `capture ${captureId} not found` },
    };
  }
  const doc = createDoc({ origin: record.origin, bytes, url: record.url, capturedAt: record.capturedAt });
  try {
    runStages(doc, PIPELINE, ctx);
  } catch (error) {
    const described = describeError(error);
    await store.recordFailure({
      origin: record.origin,
      sha256: record.sha256,
      ...described,
      at: new Date().toISOString(),
    });
    return {
      origin: record.origin,
      status: 'failed',
      sha256: record.sha256,
      captureId,
      articleId: null,
      error: described,
    };
  }
  const articleId = await store.putAnalysis(captureId, toAnalysis(doc), pipelineVersion());
  return { origin: record.origin, status: 'reanalysed', sha256: record.sha256, captureId, articleId, error: null };
}

/**
 * Ingests one page and, when it was stored or re-analysed, adds it to its story at once (uploads and single
 * pages: no later batch step would). A failure to cluster is recorded and never fails the page, which is stored.
 */
export async function ingestAndJoin(
  store: Store,
  input: DocInput,
  ctx: Context,
  directory: OutletDirectory,
  options: IngestOptions = {},
): Promise<IngestOutcome> {
  const outcome = await ingestOne(store, input, ctx, options);
  // An unchanged page may have been stored before a crash cut its story update: updateStories places
  // only articles that have no story yet.
  if (outcome.articleId !== null && outcome.status !== 'failed' && outcome.status !== 'queued') {
    try {
      await updateStories(store, [outcome.articleId], directory, ctx);
    } catch (error) {
      await store.recordFailure({
        origin: input.origin,
        sha256: outcome.sha256,
        ...describeError(error),
        at: new Date().toISOString(),
      });
    }
  }
  return outcome;
}
