// The agents' timeline says each thing once. The single source for agents is the activity list (who did what);
// the system messages agent_joined / agent_left / closed are what the visitor reads, and each has exactly one
// activity beside it, so the dashboard shows activities and hides those system messages in the agent thread.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { closeTestSockets, makeApp } from './helper.js';
import { call, inbox, visitorChat } from './inbox-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

interface Activity {
  kind: string;
  text: string;
  data: Record<string, unknown> | null;
  createdAt: number;
}
interface Message {
  author: { kind: string };
  body: string;
  content?: { type: string };
  createdAt: number;
}

/** Which activity kind covers each visitor-facing system message. */
const COVERED_BY: Record<string, string[]> = {
  agent_joined: ['assigned'],
  agent_left: ['assigned', 'unassigned'],
  closed: ['closed'],
};

describe('the agents’ timeline', () => {
  it('records each change once: one entry per assignment, per tag change and per close', async () => {
    let clock = 1_800_000_000_000;
    app = await makeApp({}, { now: () => (clock += 1000) });
    const { ann, ben } = await inbox(app);
    const { conversationId: id } = await visitorChat(app);
    const url = `/api/conversations/${id}`;
    await call(app, ann.cookie, 'POST', `${url}/assign`);
    await call(app, ann.cookie, 'PUT', `${url}/tags`, { tags: ['pricing', 'vip'] });
    await call(app, ann.cookie, 'PUT', `${url}/tags`, { tags: ['vip', 'pricing'] }); // a new order only
    await call(app, ann.cookie, 'PUT', `${url}/tags`, { tags: ['vip', 'demo'] });
    await call(app, ann.cookie, 'PUT', `${url}/tags`, { tags: [] });
    await call(app, ann.cookie, 'PUT', `${url}/assignee`, { assigneeId: ben.id });
    await call(app, ben.cookie, 'POST', `${url}/close`);

    const activities = (await call(app, ben.cookie, 'GET', `${url}/activities`)).json<{
      activities: Activity[];
    }>().activities;
    expect(activities.map((a) => a.text)).toEqual([
      'Ann assigned this conversation to themselves',
      'Ann added the tags pricing, vip',
      'Ann added the tag demo and removed the tag pricing',
      'Ann removed the tags vip, demo',
      'Ann assigned this conversation to Ben',
      'Ben closed the conversation',
    ]);
    expect(activities[2]!.data).toEqual({ tags: ['vip', 'demo'], added: ['demo'], removed: ['pricing'] });

    // Every system message the visitor reads about the team has exactly one activity at the same moment.
    const messages = (await call(app, ben.cookie, 'GET', `${url}/messages`)).json<{ messages: Message[] }>()
      .messages;
    const system = messages.filter((m) => m.content && m.content.type in COVERED_BY);
    expect(system.map((m) => m.body)).toEqual([
      'Ann joined the chat',
      'Ann left the chat',
      'Ben joined the chat',
      'The chat was closed.',
    ]);
    for (const m of system) {
      const covering = activities.filter(
        (a) => a.createdAt === m.createdAt && COVERED_BY[m.content!.type]!.includes(a.kind),
      );
      expect(covering, m.body).toHaveLength(1);
    }
  });
});
