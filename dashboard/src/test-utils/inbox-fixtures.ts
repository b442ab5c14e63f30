// Fixtures for the inbox's agents-only data: timeline activities, side panel details, leads and deals, saved replies.
// Built with the shared schemas, like fixtures.ts: what the server could never send fails.
import {
  ActivitySchema,
  ConversationDetailsSchema,
  CrmRecordSchema,
  SavedReplySchema,
  type Activity,
  type ConversationDetails,
  type CrmRecord,
  type SavedReply,
} from '@livechat/shared/model';
import {
  ColleagueListBodySchema,
  DEFAULT_TEAM_ROUTING,
  TeamListBodySchema,
  type Team,
} from '@livechat/shared/api';
import type { Colleague } from '../api/index.js';
import { build, T0 } from './fixtures.js';

export function activity(over: Partial<Activity> = {}): Activity {
  return build(ActivitySchema, {
    id: 'act-1',
    conversationId: 'c-1',
    kind: 'assigned',
    actor: { id: 'ag-1', name: 'Ada Admin' },
    text: 'Ada Admin assigned this conversation to Ada Admin',
    data: null,
    createdAt: T0,
    ...over,
  });
}

export function details(over: Partial<ConversationDetails> = {}): ConversationDetails {
  return build(ConversationDetailsSchema, {
    dealValue: null,
    expectedCloseDate: null,
    contactName: '',
    email: '',
    phone: '',
    organizationName: '',
    organizationAddress: '',
    note: '',
    ...over,
  });
}

export function crmRecord(over: Partial<CrmRecord> = {}): CrmRecord {
  return build(CrmRecordSchema, {
    id: 'rec-1',
    kind: 'lead',
    title: 'Acme',
    value: null,
    expectedCloseDate: null,
    conversationId: 'c-1',
    conversationNumber: 1,
    contact: { id: 'v-1', name: 'Vera Visitor', email: 'vera@example.com', phone: '' },
    organization: { id: 'org-1', name: 'Acme', address: '' },
    note: '',
    createdBy: { id: 'ag-1', name: 'Ada Admin' },
    createdAt: T0,
    ...over,
  });
}

export function savedReply(over: Partial<SavedReply> = {}): SavedReply {
  return build(SavedReplySchema, {
    id: 'sr-1',
    shortcut: 'hello',
    body: 'Hello! How can I help?',
    updatedAt: T0,
    ...over,
  });
}

export const COLLEAGUES: Colleague[] = build(ColleagueListBodySchema, {
  agents: [
    { id: 'ag-1', name: 'Ada Admin', available: true },
    { id: 'ag-2', name: 'Bob Agent', available: true },
    { id: 'ag-3', name: 'Cy Closer', available: false },
  ],
}).agents;

/** Sales (Ada and Bob) and Support (nobody yet). */
export const TEAMS: Team[] = build(TeamListBodySchema, {
  teams: [
    { id: 't-sales', name: 'Sales', memberIds: ['ag-1', 'ag-2'], createdAt: T0, ...DEFAULT_TEAM_ROUTING },
    { id: 't-support', name: 'Support', memberIds: [], createdAt: T0, ...DEFAULT_TEAM_ROUTING },
  ],
}).teams;
