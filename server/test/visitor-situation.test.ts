// What the widget's header is derived from: the bot's offline message is marked `away`, so the widget stops telling
// the visitor the team is online while the bot says it is away (even when an agent is available but nobody came).
import { afterEach, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { closeTestSockets, connectedAgent, connectedVisitor, login, makeApp } from './helper.js';
import { say, setAvailable, startChat, testPlaybook, waitForMessage } from './playbook-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

it('marks the offline message away, with nobody available and after a wait nobody answered; nothing else', async () => {
  app = await makeApp({}, { playbook: testPlaybook(1) });
  const alone = await connectedVisitor(app);
  await startChat(alone.socket);
  await say(alone.socket, 'Pricing');
  const offline = await waitForMessage(alone.socket, 'Nobody is around right now');
  expect(offline.message.content).toMatchObject({ type: 'rich', away: true });

  const cookie = await login(app);
  await setAvailable(app, cookie, true);
  await connectedAgent(app, cookie);
  const waited = await connectedVisitor(app);
  await startChat(waited.socket);
  await say(waited.socket, 'Demo');
  const greeting = await waitForMessage(waited.socket, 'Connecting you to the team');
  expect(greeting.message.content).not.toHaveProperty('away');
  const missed = await waitForMessage(waited.socket, 'Nobody is around right now', 5000);
  expect(missed.message.content).toMatchObject({ type: 'rich', away: true });
  const hello = await waitForMessage(waited.socket, 'Hello from Ava');
  expect(hello.message.content).not.toHaveProperty('away');
});
