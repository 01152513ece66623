/**
 * What the queue tests need running: NATS with JetStream (WATCHFLOOR_TEST_NATS, default loopback 4222) and,
 * for the shared store, PostgreSQL. Missing services skip the tests with the reason, or fail them under CI (CI=true or CI=1).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'nats';
import { pgUnavailable } from '../store/pg-test-db.js';
import { IS_CI } from '../helpers.js';

export const TEST_NATS_URL = process.env['WATCHFLOOR_TEST_NATS'] ?? 'nats://127.0.0.1:4222';

/** Null when NATS answers with JetStream enabled; otherwise why not. */
export async function natsUnavailable(url: string = TEST_NATS_URL): Promise<string | null> {
  try {
    const nc = await connect({ servers: url, timeout: 3000, reconnect: false });
    try {
      await (await nc.jetstreamManager()).getAccountInfo();
      return null;
    } catch (error) {
      return `NATS at ${url} has no JetStream (${(error as Error).message}); run nats-server -js`;
    } finally {
      await nc.close();
    }
  } catch (error) {
    return `NATS at ${url} is unreachable (${(error as { code?: string }).code ?? (error as Error).message}); start nats-server -js -a 127.0.0.1 -p 4222 or set WATCHFLOOR_TEST_NATS`;
  }
}

/**
 * The reason to skip, or null when everything named is up. Under CI=true a missing service registers a
 * failing test instead, so CI cannot pass without it.
 */
export async function servicesMissing(needs: { nats?: boolean; postgres?: boolean }): Promise<string | null> {
  const reasons = (
    await Promise.all([needs.nats ? natsUnavailable() : null, needs.postgres ? pgUnavailable() : null])
  ).filter((r): r is string => r !== null);
  if (reasons.length === 0) return null;
  const reason = reasons.join('; ');
  if (IS_CI) {
    test('queue services are running (required when CI=true)', () => {
      assert.fail(reason);
    });
  }
  return reason;
}
