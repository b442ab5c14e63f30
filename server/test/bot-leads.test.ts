// The bot over a real socket: a name answer must look like a name, a returning visitor is not asked again for what
// the contact has, the offline capture does not repeat itself nor shorten a fuller answer, and what it captured
// becomes one Lead (linked to contact, organization and conversation) with a `lead.created` webhook.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Playbook } from '@livechat/shared/model';
import { closeTestSockets, connectedVisitor, login, makeApp } from './helper.js';
import { call } from './inbox-helper.js';
import {
  say,
  startChat,
  testPlaybook,
  text,
  transcript,
  waitForMessage,
  type MessageFrame,
} from './playbook-helper.js';
import { captureBotLead } from '../src/domain/leads.js';
import type { WriteUnit } from '../src/domain/timeline.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

/** Asks the name first; nobody is available, so the offline flow qualifies and captures name, email, company. */
const leadPlaybook = (): Playbook => {
  const base = testPlaybook(60);
  const card = base.steps[2]!;
  if (card.kind !== 'live_chat') throw new Error('card expected');
  return {
    ...base,
    steps: [
      { id: 'hi', kind: 'message', text: text('Hello from Ava') },
      {
        id: 'who',
        kind: 'question',
        text: text('Who am I talking to?'),
        input: 'text',
        field: 'contact.name',
      },
      {
        ...card,
        offlineFlow: {
          questions: [{ id: 'size', text: text('Team size?'), input: 'text', field: 'custom.team_size' }],
          capture: [
            { field: 'name', text: text('Your name?') },
            { field: 'email', text: text('Your email?') },
            { field: 'organization', text: text('Your company?') },
          ],
          thankYou: text('Thanks, we will write to you'),
        },
      },
    ],
  };
};

type Lead = {
  id: string;
  kind: string;
  title: string;
  conversationId: string;
  contact: { id: string; name: string; email: string };
  organization: { name: string } | null;
  note: string;
  createdBy: { id: string; name: string };
};

const leads = async (cookie: string) =>
  (await call(app, cookie, 'GET', '/api/records?kind=lead')).json<{ records: Lead[] }>().records;

describe('the bot captures a lead', () => {
  it('asks again for a name, skips what it knows, and creates one lead with a lead.created webhook', async () => {
    app = await makeApp({}, { playbook: leadPlaybook() });
    const admin = await login(app);
    const hook = await call(app, admin, 'POST', '/api/webhooks', {
      url: 'http://127.0.0.1:9/hook',
      events: ['lead.created'],
    });
    const webhookId = hook.json<{ webhook: { id: string } }>().webhook.id;
    const { socket, welcome } = await connectedVisitor(app);
    const conversationId = await startChat(socket);

    await say(socket, 'How much does the premium plan cost?');
    await waitForMessage(socket, 'Please enter your name.');
    await say(socket, 'Jane Doe');
    await waitForMessage(socket, 'Team size?');
    await say(socket, '12');
    // The capture skips the name given minutes before.
    await waitForMessage(socket, 'Your email?');
    await say(socket, 'jane@example.com');
    await waitForMessage(socket, 'Your company?');
    await say(socket, 'Acme');
    await waitForMessage(socket, 'Thanks, we will write to you');
    expect(transcript(socket).filter((t) => t.startsWith('bot:'))).toEqual([
      'bot:rich:Hello from Ava',
      'bot:question:Who am I talking to?',
      'bot:invalid_answer:Please enter your name.',
      'bot:rich:Nobody is around right now',
      'bot:question:Team size?',
      'bot:question:Your email?',
      'bot:question:Your company?',
      'bot:rich:Thanks, we will write to you',
    ]);

    const [lead, ...more] = await leads(admin);
    expect(more).toEqual([]);
    expect(lead).toMatchObject({
      kind: 'lead',
      title: 'Acme lead',
      conversationId,
      contact: { id: welcome.visitorId, name: 'Jane Doe', email: 'jane@example.com' },
      organization: { name: 'Acme' },
      note: 'Team size?: 12',
      createdBy: { id: 'bot', name: 'Ava' },
    });
    const activities = (
      await call(app, admin, 'GET', `/api/conversations/${conversationId}/activities`)
    ).json<{
      activities: { kind: string; text: string }[];
    }>().activities;
    expect(activities.filter((a) => a.kind === 'lead_created').map((a) => a.text)).toEqual([
      'Ava created the lead "Acme lead"',
    ]);
    const deliveries = async () =>
      (await call(app, admin, 'GET', `/api/webhooks/${webhookId}/deliveries`)).json<{
        deliveries: { event: string }[];
      }>().deliveries;
    expect((await deliveries()).map((d) => d.event)).toEqual(['lead.created']);

    // A re-run of the capture (a replay, a second timer) finds the bot's lead and makes nothing new.
    const conversation = (await app.store.conversations.byId(conversationId))!;
    const unit = { now: Date.now(), activity: () => Promise.resolve({}) } as unknown as WriteUnit;
    await app.store.transaction(() =>
      captureBotLead(app.store, app.domain.webhooks, unit, conversation, 'Ava'),
    );
    expect(await leads(admin)).toHaveLength(1);
    expect(await deliveries()).toHaveLength(1);

    // The same visitor comes back: the bot does not ask for the name, email or company it already has.
    await call(app, admin, 'POST', `/api/conversations/${conversationId}/assign`);
    await call(app, admin, 'POST', `/api/conversations/${conversationId}/close`);
    socket.close();
    const back = await connectedVisitor(app, { token: welcome.token });
    const again = await startChat(back.socket);
    expect(again).not.toBe(conversationId);
    // Only this conversation's messages (the widget also replays the earlier one).
    const asked = () =>
      back.socket
        .ofType('message.created')
        .map((f) => (f as MessageFrame).message)
        .filter((m) => m.conversationId === again && m.content?.type === 'question')
        .map((m) => m.body);
    await expect.poll(asked).toEqual(['Team size?']);
  });

  it('keeps a fuller name the contact already has over a shorter answer', async () => {
    app = await makeApp({}, { playbook: leadPlaybook() });
    const admin = await login(app);
    const { socket, welcome } = await connectedVisitor(app);
    const conversationId = await startChat(socket);
    await waitForMessage(socket, 'Who am I talking to?');
    // Meanwhile an agent saved the full name in the side panel.
    await app.store.visitors.setContactField(welcome.visitorId, 'name', 'Jane Doe');
    await say(socket, 'Jane');
    await waitForMessage(socket, 'Team size?');
    const lead = (await call(app, admin, 'GET', `/api/conversations/${conversationId}/lead`)).json<{
      lead: { contact: { name: string }; answers: { field: string; value: string }[] };
    }>().lead;
    expect(lead.contact.name).toBe('Jane Doe');
    expect(lead.answers).toEqual([expect.objectContaining({ field: 'contact.name', value: 'Jane' })]);
  });
});
