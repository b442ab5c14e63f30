// The wait timer is stored with the conversation: a server that restarts in the middle of a wait still fires it
// on time, or at once when the deadline passed while it was down.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../src/config.js';
import { testDatabase } from './engine.js';
import { closeTestSockets, connectedAgent, connectedVisitor, login, makeApp } from './helper.js';
import { say, setAvailable, sleep, startChat, testPlaybook, waitForMessage } from './playbook-helper.js';

let dir: string;
/** The database every start in a test opens: a SQLite file, or one PostgreSQL schema. */
let database: Partial<AppConfig>;
let apps: FastifyInstance[] = [];
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livechat-restart-'));
  database = await testDatabase(path.join(dir, 'chat.sqlite'));
});
afterEach(async () => {
  closeTestSockets();
  for (const app of apps) await app.close();
  apps = [];
  fs.rmSync(dir, { recursive: true, force: true });
});

const start = async (waitSeconds: number, keepPlaybook = false) => {
  const app = await makeApp(
    database,
    keepPlaybook ? { playbook: null } : { playbook: testPlaybook(waitSeconds) },
  );
  apps.push(app);
  return app;
};

/** A visitor waiting for an agent on a server that is then stopped; returns their token and the deadline. */
async function waitingVisitorThenStop(waitSeconds: number) {
  const app = await start(waitSeconds);
  const cookie = await login(app);
  await connectedAgent(app, cookie);
  await setAvailable(app, cookie, true);
  const { socket, welcome } = await connectedVisitor(app);
  const conversationId = await startChat(socket);
  await say(socket, 'Demo');
  const waiting = await waitForMessage(socket, 'Waiting for an agent');
  closeTestSockets();
  await app.close();
  apps = apps.filter((a) => a !== app);
  return { token: welcome.token!, conversationId, until: waiting.message.content!.until as number };
}

const offlineMessageStored = async (app: FastifyInstance, conversationId: string) =>
  (await app.domain.chat.messagesAfter(conversationId, 0)).some(
    (m) => m.body === 'Nobody is around right now',
  );

describe('wait timer across a restart', () => {
  it('fires on time after a restart in the middle of the wait', async () => {
    const { conversationId, until, token } = await waitingVisitorThenStop(2);
    const app = await start(2, true);
    expect(app.domain.playbooks.pendingTimers()).toBe(1);
    await sleep(Math.max(0, until - Date.now() - 400));
    expect(await offlineMessageStored(app, conversationId)).toBe(false);
    await sleep(until - Date.now() + 500);
    expect(await offlineMessageStored(app, conversationId)).toBe(true);
    // The visitor, coming back, sees the offline path.
    const { socket } = await connectedVisitor(app, { token });
    await waitForMessage(socket, 'Your name?');
  });

  it('fires at once when the deadline passed while the server was down', async () => {
    const { conversationId, until } = await waitingVisitorThenStop(1);
    await sleep(until - Date.now() + 300);
    const app = await start(1, true);
    await sleep(150);
    expect(await offlineMessageStored(app, conversationId)).toBe(true);
    expect(app.domain.playbooks.pendingTimers()).toBe(0);
  });
});
