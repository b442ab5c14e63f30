import type {
  Agent,
  Conversation,
  LeadData,
  Message,
  RichText,
  Site,
  StoredPlaybook,
} from '@livechat/shared/model';

export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

export function agent(over: Partial<Agent> = {}): Agent {
  return {
    id: 'ag-1',
    name: 'Ada Admin',
    email: 'ada@example.com',
    role: 'admin',
    active: true,
    createdAt: T0,
    ...over,
  };
}

export function conversation(over: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c-1',
    number: 1,
    siteId: 'site-1',
    visitorId: 'v-1',
    visitorName: 'Vera Visitor',
    channel: 'web',
    status: 'open',
    assigneeId: null,
    lastSeq: 0,
    lastMessagePreview: null,
    createdAt: T0,
    updatedAt: T0,
    queuedAt: T0,
    waitingUntil: null,
    missedAt: null,
    tags: [],
    closedAt: null,
    ...over,
  };
}

export function message(seq: number, over: Partial<Message> = {}): Message {
  return {
    id: `m-${over.conversationId ?? 'c-1'}-${seq}`,
    conversationId: 'c-1',
    seq,
    clientId: null,
    author: { kind: 'visitor', id: 'v-1', name: 'Vera Visitor' },
    body: `message ${seq}`,
    createdAt: T0 + seq * 1000,
    ...over,
  };
}

export function site(over: Partial<Site> = {}): Site {
  return {
    id: 'site-1',
    key: 'demo-site-key',
    name: 'Demo site',
    allowedOrigins: ['http://localhost:8080'],
    createdAt: T0,
    ...over,
  };
}

const text = (s: string): RichText => [{ type: 'paragraph', children: [{ type: 'text', text: s }] }];

/** A saved playbook: a greeting, a choice question and the Live Chat card. */
export function storedPlaybook(over: Partial<StoredPlaybook> = {}): StoredPlaybook {
  return {
    siteId: 'site-1',
    version: 3,
    updatedAt: T0,
    updatedBy: 'ag-1',
    botName: 'Robo',
    botAvatarUrl: null,
    locale: 'en',
    steps: [
      { kind: 'message', id: 'hello', text: text('Hi there!') },
      {
        kind: 'question',
        id: 'topic',
        text: text('What brings you here?'),
        input: 'choice',
        choices: ['Sales', 'Support'],
        field: 'custom.topic',
      },
      {
        kind: 'live_chat',
        id: 'card',
        onlineMessage: text('Connecting you now.'),
        waitSeconds: 60,
        offlineMessage: text('Nobody is here right now.'),
        offlineFlow: {
          questions: [],
          capture: [{ field: 'email', text: text('Your email?') }],
          thankYou: text('Thanks!'),
        },
      },
    ],
    ...over,
  };
}

export function lead(over: Partial<LeadData> = {}): LeadData {
  return {
    contact: { name: null, email: null, phone: null, organization: null },
    answers: [],
    ...over,
  };
}
