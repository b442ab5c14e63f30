import type { Agent, Conversation, Message } from '@livechat/shared/model';

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
