// The dispatcher against a real in-memory store and a fake transport: concurrency bounds, fairness between webhooks,
// and what stop() does to requests in flight.
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import type { Store } from '../store.js';
import { createWebhookService, type DispatcherOptions, type WebhookService } from './index.js';

interface Call {
  url: string;
  deliveryId: string;
  resolve: (status: number) => void;
  signal: AbortSignal;
}

/** A transport whose answers the test gives by hand. */
function manualPost() {
  const calls: Call[] = [];
  const post: DispatcherOptions['post'] = ({ url, headers, signal }) =>
    new Promise<number>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason as Error));
      calls.push({ url, deliveryId: headers['x-livechat-delivery']!, resolve, signal });
    });
  return { calls, post };
}

const until = async (probe: () => boolean | Promise<boolean>, timeoutMs = 2000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};
const settle = () => new Promise((r) => setTimeout(r, 40));

let store: Store;
let service: WebhookService;
afterEach(async () => {
  await service?.stop();
  await store?.close();
});

async function setUp(post: DispatcherOptions['post'], delivery: Partial<DispatcherOptions> = {}) {
  ({ store } = await openStore({ path: ':memory:' }));
  service = createWebhookService(store, {
    now: Date.now,
    onError: (err) => {
      throw err;
    },
    delivery: { post, pollIntervalMs: 10, concurrency: 3, perWebhookConcurrency: 2, ...delivery },
  });
  const { webhook: slow } = await service.create({ url: 'http://slow.test/', events: ['lead.created'] });
  const { webhook: quick } = await service.create({ url: 'http://quick.test/', events: ['deal.created'] });
  return { slow, quick };
}

describe('webhook dispatcher', () => {
  it('keeps a slow receiver to its own share of the slots, so other webhooks still get through', async () => {
    const { calls, post } = manualPost();
    const { slow, quick } = await setUp(post);
    service.start();
    for (let i = 0; i < 5; i++) await service.enqueue('lead.created', { i });
    await service.enqueue('deal.created', {});
    await until(() => calls.length === 3);
    await settle();
    expect(calls.filter((c) => c.url === 'http://slow.test/')).toHaveLength(2);
    expect(calls.filter((c) => c.url === 'http://quick.test/')).toHaveLength(1);

    // The backlog drains as slots free up, never more than the limits at once, each delivery once.
    for (let round = 0; calls.length > 0 && round < 10; round++) {
      for (const c of calls.splice(0)) c.resolve(200);
      await settle();
      expect(calls.length).toBeLessThanOrEqual(2);
    }
    const log = [...(await service.deliveries(slow.id)), ...(await service.deliveries(quick.id))];
    expect(log.map((d) => [d.status, d.attempts])).toEqual(Array(6).fill(['succeeded', 1]));
  });

  it('on stop, waits for requests in flight, then aborts them and leaves them pending for the next start', async () => {
    const { calls, post } = manualPost();
    const { slow } = await setUp(post, { stopTimeoutMs: 50 });
    service.start();
    await service.enqueue('lead.created', { a: 1 });
    await service.enqueue('lead.created', { a: 2 });
    await until(() => calls.length === 2);
    const [first, second] = calls;
    const stopped = service.stop();
    first!.resolve(204); // answers within the grace time: recorded
    await stopped;
    expect(second!.signal.aborted).toBe(true);
    const byId = new Map((await service.deliveries(slow.id)).map((d) => [d.id, d]));
    expect(byId.get(first!.deliveryId)).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      lastStatusCode: 204,
    });
    expect(byId.get(second!.deliveryId)).toMatchObject({ status: 'pending', attempts: 0, lastError: null });

    // Started again, only the cut-off one goes out (at least once: its receiver may have seen it already).
    calls.length = 0;
    service.start();
    await until(() => calls.length === 1);
    expect(calls[0]!.deliveryId).toBe(second!.deliveryId);
    calls[0]!.resolve(200);
    await until(async () => (await service.deliveries(slow.id)).every((d) => d.status === 'succeeded'));
  });

  it('nothing is recorded for a transaction that rolled back', async () => {
    const { calls, post } = manualPost();
    const { slow } = await setUp(post);
    service.start();
    await expect(
      store.transaction(async () => {
        await service.enqueue('lead.created', {});
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await settle();
    expect(calls).toHaveLength(0);
    expect(await service.deliveries(slow.id)).toEqual([]);
  });
});
