// The two servers under test, started in the bench's main thread. Each describes how load clients reach it.
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import { buildApp } from '../server/src/app.js';
import { DEFAULT_PLAYBOOK } from '../server/src/domain/playbook/default-playbook.js';
import { testConfig } from '../server/src/config.js';
import { startBareRelay } from './bare-relay.js';

/** How the load clients connect: plain data, so it can cross into the load worker. */
export interface LoadSpec {
  receiver: { url: string; headers: Record<string, string> };
  sender: { url: string; headers: Record<string, string> };
  /** Sent first on every socket, answered by a `welcome`; null for the bare relay. */
  hello: object | null;
  /** A received frame counts as a delivered message when it starts with this. */
  deliveryPrefix: string;
}

export interface Target {
  spec: LoadSpec;
  close(): Promise<void>;
}

export async function startBareTarget(ack: boolean): Promise<Target> {
  const relay = await startBareRelay({ ack });
  return {
    spec: {
      receiver: { url: `${relay.url}/receiver`, headers: {} },
      sender: { url: `${relay.url}/sender`, headers: {} },
      hello: null,
      // The receiver only ever gets forwarded messages.
      deliveryPrefix: '',
    },
    close: relay.close,
  };
}

export async function startOurTarget(dataDir: string): Promise<Target> {
  const config = testConfig({
    databasePath: path.join(dataDir, `bench-${Date.now()}.sqlite`),
    // Measure capacity, not the abuse limits.
    frameRate: { perSecond: 1e9, burst: 1e9 },
    newVisitorRate: { perSecond: 1e9, burst: 1e9 },
  });
  const app = await buildApp(config);
  // The relay is measured, not the bot: a playbook without steps sends every message straight to the inbox.
  const site = (await app.domain.visitors.siteByKey('demo-site-key'))!;
  await app.domain.sites.savePlaybook(site.id, { ...DEFAULT_PLAYBOOK, steps: [] }, null);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: config.admin.email, password: config.admin.password },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  return {
    spec: {
      receiver: { url: `ws://127.0.0.1:${port}/ws/agent`, headers: { cookie, origin: config.publicUrl } },
      sender: {
        url: `ws://127.0.0.1:${port}/ws/visitor?siteKey=demo-site-key`,
        headers: { origin: config.demoOrigins[0]! },
      },
      hello: { type: 'hello', v: PROTOCOL_VERSION },
      deliveryPrefix: '{"type":"message.created"',
    },
    close: () => app.close(),
  };
}
