/** /api/queue: depth and progress of the capture-job queue (NATS JetStream), when the desk has one. */
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.js';
import { RequestError, describeError } from '../../core/errors.js';
import type { JobQueue, QueueStatus } from '../../queue/nats-queue.js';
import { queueSettings } from '../../queue/settings.js';

export type QueueReport = ({ isEnabled: true } & QueueStatus) | { isEnabled: false };

/** Registers GET /api/queue; the NATS connection opens on the first request and closes with the app. */
export const queueRoutes: FastifyPluginAsync<{ config: Config }> = async (app, { config }) => {
  const settings = queueSettings(config);
  let opening: Promise<JobQueue> | null = null;
  app.addHook('onClose', async () => {
    const queue = await opening?.catch(() => null);
    await queue?.close();
  });

  app.get('/api/queue', { schema: { summary: 'Capture-job queue depth and progress', tags: ['meta'] } }, async (): Promise<QueueReport> => {
    if (!settings) return { isEnabled: false };
    opening ??= import('../../queue/nats-queue.js').then(({ JobQueue }) => JobQueue.open(settings));
    try {
      return { isEnabled: true, ...(await (await opening).status()) };
    } catch (error) {
      // Try again on the next request rather than keep a broken connection.
      const failed = opening;
      opening = null;
      void failed.then((queue) => queue.close()).catch(() => undefined);
      throw new RequestError(503, 'queue/unavailable', describeError(error).message);
    }
  });
};
