// Objects the server sends, for unit tests. Each is built with the shared schema's parse, so a fixture the server
// could never send (a missing field, a wrong type, an unknown enum value) fails the test that uses it.
import {
  AgentSchema,
  ConversationSchema,
  LeadDataSchema,
  MessageSchema,
  SiteSchema,
  StoredPlaybookSchema,
  type Agent,
  type Conversation,
  type LeadData,
  type Message,
  type RichText,
  type Site,
  type StoredPlaybook,
} from '@livechat/shared/model';
import type { z } from '@livechat/shared/api';

/** The value as the server would send it: typed as the schema's input, checked by the schema at run time. */
export function build<S extends z.ZodType>(schema: S, value: z.input<S>): z.output<S> {
  return schema.parse(value);
}

export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

export function agent(over: Partial<Agent> = {}): Agent {
  return build(AgentSchema, {
    id: 'ag-1',
    name: 'Ada Admin',
    email: 'ada@example.com',
    role: 'admin',
    active: true,
    createdAt: T0,
    ...over,
  });
}

export function conversation(over: Partial<Conversation> = {}): Conversation {
  return build(ConversationSchema, {
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
  });
}

export function message(seq: number, over: Partial<Message> = {}): Message {
  return build(MessageSchema, {
    id: `m-${over.conversationId ?? 'c-1'}-${seq}`,
    conversationId: 'c-1',
    seq,
    clientId: null,
    author: { kind: 'visitor', id: 'v-1', name: 'Vera Visitor' },
    body: `message ${seq}`,
    createdAt: T0 + seq * 1000,
    ...over,
  });
}

export function site(over: Partial<Site> = {}): Site {
  return build(SiteSchema, {
    id: 'site-1',
    key: 'demo-site-key',
    name: 'Demo site',
    allowedOrigins: ['http://localhost:8080'],
    botFolderForAgents: false,
    createdAt: T0,
    ...over,
  });
}

const text = (s: string): RichText => [{ type: 'paragraph', children: [{ type: 'text', text: s }] }];

/** A saved playbook: a greeting, a choice question and the Live Chat card. */
export function storedPlaybook(over: Partial<StoredPlaybook> = {}): StoredPlaybook {
  return build(StoredPlaybookSchema, {
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
  });
}

export function lead(over: Partial<LeadData> = {}): LeadData {
  return build(LeadDataSchema, {
    contact: { name: null, email: null, phone: null, organization: null },
    answers: [],
    ...over,
  });
}
