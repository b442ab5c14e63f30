// Per-address limits are kept in Redis, so two nodes together allow what one node would: a client cannot double its
// allowance by spreading its requests over the nodes behind the load balancer.
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import {
  ADMIN,
  type Welcome,
  connectVisitor,
  expectStatus,
  nextAddress,
  request,
  startCluster,
  stopClusters,
  visitorSocket,
} from './cluster.js';

afterEach(stopClusters, 30_000);

/** Sign-ins per address: 10 a minute (server/src/http/auth-routes.ts). */
const SIGN_IN_LIMIT = 10;
/** New visitors per address (config newVisitorRate): 20 at once, then one every 2 s. */
const NEW_VISITORS = { burst: 20, perSecond: 0.5 };

describe('limits shared by the nodes', () => {
  it(
    'counts sign-ins from one address on every node: the 11th, wherever it lands, gets 429',
    { timeout: 60_000 },
    async () => {
      const { a, b } = await startCluster(2);
      const from = nextAddress();
      const signInOn = (node: typeof a, password: string) =>
        request(node, 'POST', '/api/auth/login', { body: { email: ADMIN.email, password }, from });

      const statuses: number[] = [];
      for (let i = 0; i < SIGN_IN_LIMIT; i++)
        statuses.push((await signInOn(i < 6 ? a : b, 'not-the-password')).status);
      expect(statuses).toEqual(Array<number>(SIGN_IN_LIMIT).fill(401));

      // 6 on A and 4 on B: the next one on B is over the limit, and so is one on A, the right password included.
      const over = await signInOn(b, 'not-the-password');
      expect(over.status).toBe(429);
      expect(over.body).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
      const rightPassword = await signInOn(a, ADMIN.password);
      expect(rightPassword.status).toBe(429);
      expect(rightPassword.headers['set-cookie']).toBeUndefined();

      // The limit is the address's: another one signs in on either node.
      const elsewhere = nextAddress();
      for (const node of [a, b])
        await expectStatus(
          request(node, 'POST', '/api/auth/login', {
            body: { email: ADMIN.email, password: ADMIN.password },
            from: elsewhere,
          }),
          200,
        );
    },
  );

  it(
    'counts new visitors from one address on every node: past the shared burst, each node refuses (4029)',
    { timeout: 60_000 },
    async () => {
      const { a, b } = await startCluster(2);
      const from = nextAddress();
      const startedAt = Date.now();

      // The burst, half on each node: every visitor is let in.
      const welcomes: Welcome[] = [];
      for (let i = 0; i < NEW_VISITORS.burst; i++)
        welcomes.push((await connectVisitor(i % 2 === 0 ? a : b, {}, { from })).welcome);
      expect(new Set(welcomes.map((w) => w.visitorId)).size).toBe(NEW_VISITORS.burst);

      // The shared bucket is empty now, but for what refilled meanwhile: new visitors are refused on both nodes (each
      // node on its own would let in a burst more).
      const refusedOn = new Set<string>();
      let admittedPastBurst = 0;
      for (let i = 0; refusedOn.size < 2 && i < NEW_VISITORS.burst; i++) {
        const node = i % 2 === 0 ? a : b;
        const socket = await visitorSocket(node, { from });
        socket.send({ type: 'hello', v: PROTOCOL_VERSION });
        const reply = await socket.waitFor((f) => f.type === 'welcome' || f.type === 'error');
        if (reply.type === 'welcome') {
          admittedPastBurst++;
          continue;
        }
        expect(reply).toMatchObject({ type: 'error', code: 'rate_limited' });
        expect(await socket.waitForClose()).toBe(4029);
        refusedOn.add(node.name);
      }
      const refilled = Math.floor(((Date.now() - startedAt) / 1000) * NEW_VISITORS.perSecond) + 1;
      expect([...refusedOn].sort()).toEqual(['A', 'B']);
      expect(admittedPastBurst).toBeLessThanOrEqual(refilled);

      // Returning visitors are let in (on the other node too), and so are new ones from another address.
      const back = await connectVisitor(b, { token: welcomes[0]!.token! }, { from });
      expect(back.welcome.visitorId).toBe(welcomes[0]!.visitorId);
      const other = await connectVisitor(a, {}, { from: nextAddress() });
      expect(other.welcome.token).toBeDefined();
    },
  );
});
