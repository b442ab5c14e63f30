// The playbook end to end over the visitor and agent channels: the greeting and questions, the Live Chat card with
// and without available agents, the wait timer, assignment, the offline flow and the lead data it stores.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { closeTestSockets, connectedAgent, connectedVisitor, createAgent, login, makeApp } from './helper.js';
import {
  say,
  setAvailable,
  sleep,
  startChat,
  testPlaybook,
  transcript,
  waitForMessage,
  type MessageFrame,
} from './playbook-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

async function availableAgent(cookie: string) {
  const socket = await connectedAgent(app, cookie);
  expect((await setAvailable(app, cookie, true)).statusCode).toBe(200);
  return socket;
}

describe('playbook flow', () => {
  it('greets, asks, validates the answer and, with nobody available, runs the offline flow into lead data', async () => {
    app = await makeApp({}, { playbook: testPlaybook() });
    const cookie = await login(app);
    const { socket: visitor, welcome } = await connectedVisitor(app);
    expect(welcome).toMatchObject({
      online: false,
      site: { botName: 'Ava', locale: 'en', botAvatarUrl: null },
    });

    const conversationId = await startChat(visitor);
    expect(transcript(visitor)).toEqual([
      'bot:rich:Hello from Ava',
      'bot:question:What brings you here?\nPricing · Demo',
    ]);
    // While only the bot talks, the conversation is not in the agents' inbox (only in the admins' Bot folder).
    const inbox = () =>
      app
        .inject({ url: '/api/conversations?folder=unassigned', headers: { cookie } })
        .then((r) => r.json<{ conversations: { id: string; missedAt: number | null }[] }>().conversations);
    expect(await inbox()).toEqual([]);

    await say(visitor, 'Weather');
    await waitForMessage(visitor, 'Please choose one of the options.');
    await say(visitor, 'demo');
    await waitForMessage(visitor, 'Your name?');
    await say(visitor, 'Vera Visitor');
    await waitForMessage(visitor, 'Your email?');
    await say(visitor, 'vera at example');
    await waitForMessage(visitor, 'Please enter a valid email address.');
    await say(visitor, 'Vera@Example.com');
    await waitForMessage(visitor, 'Thanks, we will write to you');

    expect(transcript(visitor).filter((t) => !t.startsWith('visitor:'))).toEqual([
      'bot:rich:Hello from Ava',
      'bot:question:What brings you here?\nPricing · Demo',
      'bot:invalid_answer:Please choose one of the options.',
      'bot:rich:Nobody is around right now',
      'bot:question:Your name?',
      'bot:question:Your email?',
      'bot:invalid_answer:Please enter a valid email address.',
      'bot:rich:Thanks, we will write to you',
    ]);
    const [queued] = await inbox();
    expect(queued).toMatchObject({ id: conversationId, missedAt: expect.any(Number) });
    const lead = await app.inject({ url: `/api/conversations/${conversationId}/lead`, headers: { cookie } });
    expect(lead.json()).toEqual({
      lead: {
        contact: { name: 'Vera Visitor', email: 'vera@example.com', phone: null, organization: null },
        answers: [
          expect.objectContaining({
            stepId: 'topic',
            question: 'What brings you here?',
            field: 'custom.topic',
            value: 'Demo',
          }),
          expect.objectContaining({ stepId: 'card-name', field: 'contact.name', value: 'Vera Visitor' }),
          expect.objectContaining({
            stepId: 'card-email',
            field: 'contact.email',
            value: 'vera@example.com',
          }),
        ],
      },
    });
    // The inbox shows the captured name instead of "Visitor 1234".
    const view = await app.inject({ url: `/api/conversations/${conversationId}`, headers: { cookie } });
    expect(view.json()).toMatchObject({ conversation: { visitorName: 'Vera Visitor' } });
  });

  it('with an agent available: online message, waiting until the wait time, and the join when assigned in time', async () => {
    app = await makeApp({}, { playbook: testPlaybook(2) });
    const cookie = await login(app);
    const agent = await availableAgent(cookie);
    const { socket: visitor, welcome } = await connectedVisitor(app);
    expect(welcome.online).toBe(true);
    const conversationId = await startChat(visitor);

    const before = Date.now();
    await say(visitor, 'Pricing');
    const waiting = await visitor.waitFor(
      (f) => f.type === 'message.created' && (f as MessageFrame).message.content?.type === 'waiting',
    );
    const until = (waiting as MessageFrame).message.content!.until as number;
    expect(until).toBeGreaterThanOrEqual(before + 2000);
    expect(until).toBeLessThanOrEqual(Date.now() + 2000);
    expect(transcript(visitor).slice(-2)).toEqual([
      'bot:rich:Connecting you to the team',
      'system:waiting:Waiting for an agent',
    ]);
    // Agents learn of it: in the inbox, waiting.
    const update = await agent.waitFor(
      (f) =>
        f.type === 'conversation.updated' &&
        (f.conversation as { waitingUntil: number | null }).waitingUntil === until,
    );
    expect(update.conversation).toMatchObject({
      id: conversationId,
      assigneeId: null,
      queuedAt: expect.any(Number),
    });

    const assigned = await app.inject({
      method: 'POST',
      url: `/api/conversations/${conversationId}/assign`,
      headers: { cookie },
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({
      conversation: { assigneeId: expect.any(String), waitingUntil: null },
    });
    const joined = await waitForMessage(visitor, 'Admin joined the chat');
    expect(joined.message).toMatchObject({
      author: { kind: 'system' },
      content: { type: 'agent_joined', agent: { name: 'Admin' } },
    });

    // The wait timer was dropped: no offline message after the wait time.
    await sleep(2300);
    expect(transcript(visitor).some((t) => t.includes('Nobody is around'))).toBe(false);
    // And the bot no longer reads the visitor's messages as answers.
    await say(visitor, 'Thanks!');
    await sleep(100);
    expect(transcript(visitor).some((t) => t.includes('invalid_answer'))).toBe(false);
  });

  it('with an agent available but nobody assigning: the offline path after the wait; a late assign still joins', async () => {
    app = await makeApp({}, { playbook: testPlaybook(1) });
    const cookie = await login(app);
    await availableAgent(cookie);
    const { socket: visitor } = await connectedVisitor(app);
    const conversationId = await startChat(visitor);
    await say(visitor, 'Demo');
    await waitForMessage(visitor, 'Waiting for an agent');
    const started = Date.now();
    await waitForMessage(visitor, 'Nobody is around right now', 3000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    await waitForMessage(visitor, 'Your name?');

    const late = await app.inject({
      method: 'POST',
      url: `/api/conversations/${conversationId}/assign`,
      headers: { cookie },
    });
    expect(late.statusCode).toBe(200);
    await waitForMessage(visitor, 'Admin joined the chat');
    // The human took over: a message is no longer the answer to "Your name?" (the bot says nothing more).
    await say(visitor, 'Hi Admin');
    await sleep(100);
    expect(transcript(visitor).at(-1)).toBe('system:agent_joined:Admin joined the chat');
  });

  it('lets exactly one of ten agents clicking "Assign to me" at once win; the others hear who did', async () => {
    app = await makeApp({}, { playbook: testPlaybook(30) });
    const admin = await login(app);
    const agents = await Promise.all(
      ['Ann', 'Ben', 'Cid', 'Dee', 'Eve', 'Fay', 'Gus', 'Hal', 'Ida', 'Jon'].map((name) =>
        createAgent(app, admin, name),
      ),
    );
    await availableAgent(agents[0]!.cookie);
    const { socket: visitor } = await connectedVisitor(app);
    const conversationId = await startChat(visitor);
    await say(visitor, 'Demo');
    await waitForMessage(visitor, 'Waiting for an agent');

    const results = await Promise.all(
      agents.map((a) =>
        app.inject({
          method: 'POST',
          url: `/api/conversations/${conversationId}/assign`,
          headers: { cookie: a.cookie },
        }),
      ),
    );
    const winners = results.filter((r) => r.statusCode === 200);
    const losers = results.filter((r) => r.statusCode === 409);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(9);
    const winner = agents.find(
      (a) => a.id === winners[0]!.json<{ conversation: { assigneeId: string } }>().conversation.assigneeId,
    )!;
    for (const r of losers) {
      expect(r.json()).toEqual({
        error: { code: 'already_assigned', message: `Already taken by ${winner.name}.` },
      });
    }
    await sleep(100);
    expect(transcript(visitor).filter((t) => t.includes('joined the chat'))).toEqual([
      `system:agent_joined:${winner.name} joined the chat`,
    ]);
  });

  it('starts one conversation however often the chat is opened, and replays the bot after a reload', async () => {
    app = await makeApp({}, { playbook: testPlaybook() });
    const { socket: visitor, welcome } = await connectedVisitor(app);
    const first = await startChat(visitor);
    expect(await startChat(visitor)).toBe(first);
    expect(transcript(visitor)).toHaveLength(2);
    const { socket: reloaded, welcome: again } = await connectedVisitor(app, { token: welcome.token });
    expect(again.conversationId).toBe(first);
    await waitForMessage(reloaded, 'What brings you here?');
    expect(transcript(reloaded)).toEqual(transcript(visitor));
  });
});
