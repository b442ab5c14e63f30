// The engine alone: a fake clock (plain numbers) and availability as an input, every branch of the flow.
import { describe, expect, it } from 'vitest';
import type { LiveChatStep, Playbook, RichText } from '@livechat/shared/model';
import { PlaybookSchema } from '@livechat/shared/model';
import * as engine from './engine.js';
import { DEFAULT_PLAYBOOK } from './default-playbook.js';

const text = (t: string): RichText => [{ type: 'paragraph', children: [{ type: 'text', text: t }] }];
const T0 = 1_700_000_000_000;
const online = { now: T0, agentsAvailable: true };
const offline = { now: T0, agentsAvailable: false };

const card: LiveChatStep = {
  id: 'card',
  kind: 'live_chat',
  onlineMessage: text('Finding someone'),
  waitSeconds: 30,
  offlineMessage: text('Nobody is here'),
  offlineFlow: {
    questions: [{ id: 'size', text: text('Team size?'), input: 'text', field: 'custom.team_size' }],
    capture: [{ field: 'email', text: text('Your email?') }],
    thankYou: text('Thanks!'),
  },
};

const playbook: Playbook = PlaybookSchema.parse({
  botName: 'Ava',
  botAvatarUrl: null,
  locale: 'en',
  steps: [
    { id: 'hi', kind: 'message', text: text('Hello') },
    {
      id: 'topic',
      kind: 'question',
      text: text('Topic?'),
      input: 'choice',
      choices: ['Pricing', 'Demo'],
      field: 'custom.topic',
    },
    card,
  ],
});

/** The visible part of the actions: what the bot says (by content type and body) and the inbox changes. */
function script(actions: engine.BotAction[]): string[] {
  return actions.map((a) => {
    switch (a.type) {
      case 'say':
        return `${a.as}:${a.content.type}:${a.body}`;
      case 'wait':
        return `wait:${a.until - T0}`;
      case 'answer':
        return `answer:${a.field}=${a.value}`;
      case 'queue':
      case 'missed':
      case 'lead':
        return a.type;
    }
  });
}

/** Runs the playbook up to the Live Chat card (greeting, answered topic). */
function atCard(ctx = online) {
  const started = engine.start(playbook, ctx);
  return engine.visitorMessage(playbook, started.run, 'pricing', ctx);
}

describe('playbook engine', () => {
  it('greets and stops at the first question', () => {
    const { run, actions } = engine.start(playbook, online);
    expect(script(actions)).toEqual(['bot:rich:Hello', 'bot:question:Topic?\nPricing · Demo']);
    expect(run).toEqual({ branch: 'main', position: 1, phase: 'asking', deadline: null });
  });

  it('refuses an answer that does not fit the question, and asks nothing new', () => {
    const { run } = engine.start(playbook, online);
    const next = engine.visitorMessage(playbook, run, 'Something else', online);
    expect(script(next.actions)).toEqual(['bot:invalid_answer:Please choose one of the options.']);
    expect(next.run).toEqual(run);
  });

  it('with an agent available: saves the answer, queues, says the online message and waits wait time', () => {
    const { run, actions } = atCard(online);
    expect(script(actions)).toEqual([
      'answer:custom.topic=Pricing',
      'queue',
      'bot:rich:Finding someone',
      'wait:30000',
      'system:waiting:Waiting for an agent',
    ]);
    expect(run).toEqual({ branch: 'main', position: 2, phase: 'waiting', deadline: T0 + 30_000 });
  });

  it('with nobody available: queues, marks missed, says the offline message and starts the offline flow', () => {
    const { run, actions } = atCard(offline);
    expect(script(actions)).toEqual([
      'answer:custom.topic=Pricing',
      'queue',
      'missed',
      'bot:rich:Nobody is here',
      'bot:question:Team size?',
    ]);
    expect(run).toMatchObject({ branch: 'offline', position: 0, phase: 'asking' });
  });

  it('runs the offline flow to the end: qualification, capture with validation, thank-you', () => {
    let { run } = atCard(offline);
    let out = engine.visitorMessage(playbook, run, '12 people', offline);
    expect(script(out.actions)).toEqual(['answer:custom.team_size=12 people', 'bot:question:Your email?']);
    run = out.run;
    out = engine.visitorMessage(playbook, run, 'not-an-email', offline);
    expect(script(out.actions)).toEqual(['bot:invalid_answer:Please enter a valid email address.']);
    out = engine.visitorMessage(playbook, run, ' Vera@Example.COM ', offline);
    expect(script(out.actions)).toEqual([
      'answer:contact.email=vera@example.com',
      'bot:rich:Thanks!',
      'lead',
    ]);
    expect(out.run).toMatchObject({ branch: 'offline', phase: 'done' });
    // Later messages are for the humans; the bot is done and the conversation already queued.
    expect(engine.visitorMessage(playbook, out.run, 'hello?', offline).actions).toEqual([]);
  });

  it('does nothing when the timer fires early, and takes the offline path at the deadline', () => {
    const { run } = atCard(online);
    const early = engine.deadline(playbook, run, { now: T0 + 29_999, agentsAvailable: true });
    expect(early).toEqual({ run, actions: [] });
    const due = engine.deadline(playbook, run, { now: T0 + 30_000, agentsAvailable: true });
    expect(script(due.actions)).toEqual(['missed', 'bot:rich:Nobody is here', 'bot:question:Team size?']);
    expect(due.run).toEqual({ branch: 'offline', position: 0, phase: 'asking', deadline: null });
  });

  it('fires a deadline that passed long ago (a restart while down) the same way', () => {
    const { run } = atCard(online);
    const late = engine.deadline(playbook, run, { now: T0 + 3_600_000, agentsAvailable: false });
    expect(script(late.actions)).toEqual(['missed', 'bot:rich:Nobody is here', 'bot:question:Team size?']);
  });

  it('stops the bot when an agent joins, during the wait or in the offline flow', () => {
    const waiting = atCard(online).run;
    expect(engine.agentJoined(waiting).run).toEqual({ ...waiting, phase: 'human', deadline: null });
    const asking = atCard(offline).run;
    const joined = engine.agentJoined(asking).run;
    expect(engine.visitorMessage(playbook, joined, 'anything', offline).actions).toEqual([]);
    expect(engine.deadline(playbook, joined, { now: T0 + 60_000, agentsAvailable: false }).actions).toEqual(
      [],
    );
  });

  it('ignores a deadline when not waiting', () => {
    const asking = engine.start(playbook, online).run;
    expect(engine.deadline(playbook, asking, { now: T0 + 99_000, agentsAvailable: false }).actions).toEqual(
      [],
    );
  });

  it('without a Live Chat card, hands the chat to the inbox once the visitor writes after the last step', () => {
    const noCard: Playbook = { ...playbook, steps: playbook.steps.slice(0, 2) };
    const { run, actions } = engine.start(noCard, online);
    expect(script(actions)).not.toContain('queue');
    const answered = engine.visitorMessage(noCard, run, 'Demo', online);
    expect(script(answered.actions)).toEqual(['answer:custom.topic=Demo', 'queue']);
  });

  it('with no steps: nothing is said; a conversation opened by a message is queued at once', () => {
    const empty: Playbook = { ...playbook, steps: [] };
    expect(engine.start(empty, online)).toEqual({ run: { ...engine.START, phase: 'done' }, actions: [] });
    expect(script(engine.start(empty, online, true).actions)).toEqual(['queue']);
  });

  it('is deterministic: the same inputs give the same outputs', () => {
    expect(atCard(online)).toEqual(atCard(online));
    expect(engine.start(DEFAULT_PLAYBOOK, offline)).toEqual(engine.start(DEFAULT_PLAYBOOK, offline));
  });

  it('ships a default playbook that passes its own schema', () => {
    expect(PlaybookSchema.safeParse(DEFAULT_PLAYBOOK).success).toBe(true);
  });
});

describe('playbook engine: names, known fields and the offline capture', () => {
  /** Asks the name in the main flow, then (offline) the name and email again, like many real playbooks. */
  const leadCard: LiveChatStep = {
    ...card,
    offlineFlow: {
      questions: [],
      capture: [
        { field: 'name', text: text('Your name?') },
        { field: 'email', text: text('Your email?') },
      ],
      thankYou: text('Thanks!'),
    },
  };
  const named: Playbook = PlaybookSchema.parse({
    ...playbook,
    steps: [
      { id: 'hi', kind: 'message', text: text('Hello') },
      { id: 'who', kind: 'question', text: text('Who are you?'), input: 'text', field: 'contact.name' },
      leadCard,
    ],
  });

  it('takes only a name as an answer to a name question, and asks again otherwise', () => {
    const { run } = engine.start(named, offline);
    for (const answer of [
      'How much does the premium plan cost?',
      'I would like to know more about it',
      '12345',
      'https://example.com',
      'www.example.com',
      'jane@example.com',
      'x'.repeat(61),
    ]) {
      const out = engine.visitorMessage(named, run, answer, offline);
      expect(script(out.actions), answer).toEqual(['bot:invalid_answer:Please enter your name.']);
      expect(out.actions[0]).toMatchObject({ content: { type: 'invalid_answer', input: 'name' } });
      expect(out.run).toEqual(run);
    }
    for (const name of [
      'Jane',
      'Jane Doe',
      "Seán O'Brien-Smith",
      'Zoë Ž. Novak',
      'Maria del Carmen García López',
    ])
      expect(script(engine.visitorMessage(named, run, ` ${name} `, offline).actions)[0]).toBe(
        `answer:contact.name=${name}`,
      );
  });

  it('skips questions whose field the contact already has, in the main flow and the offline capture', () => {
    const returning = { ...offline, known: new Set(['contact.name', 'contact.email']) };
    const { run, actions } = engine.start(named, returning);
    // Nothing to ask: the greeting, then straight to the card, the offline message and the thank-you.
    expect(script(actions)).toEqual([
      'bot:rich:Hello',
      'queue',
      'missed',
      'bot:rich:Nobody is here',
      'bot:rich:Thanks!',
      'lead',
    ]);
    expect(run).toMatchObject({ branch: 'offline', phase: 'done' });
  });

  it('does not ask the offline capture again for what the visitor answered minutes before', () => {
    const { run } = engine.start(named, online);
    const answered = engine.visitorMessage(named, run, 'Jane Doe', online);
    expect(script(answered.actions)).toEqual([
      'answer:contact.name=Jane Doe',
      'queue',
      'bot:rich:Finding someone',
      'wait:30000',
      'system:waiting:Waiting for an agent',
    ]);
    // Nobody took it: the capture asks only for the email (the runner knows the name from the stored answer).
    const known = new Set(['contact.name']);
    const due = engine.deadline(named, answered.run, { now: T0 + 30_000, agentsAvailable: true, known });
    expect(script(due.actions)).toEqual(['missed', 'bot:rich:Nobody is here', 'bot:question:Your email?']);
    const done = engine.visitorMessage(named, due.run, 'jane@example.com', { ...offline, known });
    expect(script(done.actions)).toEqual([
      'answer:contact.email=jane@example.com',
      'bot:rich:Thanks!',
      'lead',
    ]);
  });

  it('skips a later question on a field answered in the same message', () => {
    const twice: Playbook = PlaybookSchema.parse({
      ...playbook,
      steps: [
        { id: 'a', kind: 'question', text: text('Name?'), input: 'text', field: 'contact.name' },
        { id: 'b', kind: 'question', text: text('Name again?'), input: 'text', field: 'contact.name' },
        { id: 'bye', kind: 'message', text: text('Bye') },
      ],
    });
    const { run } = engine.start(twice, offline);
    expect(script(engine.visitorMessage(twice, run, 'Jane', offline).actions)).toEqual([
      'answer:contact.name=Jane',
      'bot:rich:Bye',
      'queue',
    ]);
  });
});
