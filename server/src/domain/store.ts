// What the domain needs from storage: one interface per aggregate, every method async. The store (server/src/store)
// implements it over SQLite or PostgreSQL; the domain sees only this. A unit of work is `transaction(async () => …)`:
// every store call awaited inside it joins it.
import type { ReadPositionStore } from './receipts/read-position-store.js';
import type {
  ClosingMessage,
  ConversationType,
  FileTypeGroup,
  Folder,
  Team,
  TeamRouting,
  Webhook,
  WebhookDelivery,
  WebhookEvent,
} from '@livechat/shared/api';
import type {
  Activity,
  Agent,
  Answer,
  AttachmentKind,
  AuthorKind,
  Contact,
  ContactField,
  Locale,
  Channel,
  Conversation,
  ConversationStatus,
  Delivery,
  DeliveryStatus,
  CrmRecord,
  Message,
  Money,
  Playbook,
  RecordKind,
  SavedReply,
  Site,
  StoredPlaybook,
} from '@livechat/shared/model';
import type { ErasureStore } from './erasure.js';
import type { ContactProfileStore } from './contact-profiles.js';
import type { BusinessHoursStore } from './business-hours/index.js';
import type { InstallationStore } from './installation.js';
import type { VisitorContextStore } from './visitor-context/context-store.js';
import type { IdentityStore } from './identity.js';

export interface Store {
  sites: SiteStore;
  agents: AgentStore;
  sessions: SessionStore;
  invites: InviteStore;
  visitors: VisitorStore;
  conversations: ConversationStore;
  messages: MessageStore;
  playbooks: PlaybookStore;
  playbookRuns: PlaybookRunStore;
  answers: AnswerStore;
  webhooks: WebhookStore;
  details: DetailsStore;
  crm: CrmStore;
  activities: ActivityStore;
  savedReplies: SavedReplyStore;
  sms: SmsStore;
  files: FileStore;
  erasure: ErasureStore;
  contactProfiles: ContactProfileStore;
  teams: TeamStore;
  closingMessages: ClosingMessageStore;
  businessHours: BusinessHoursStore;
  installation: InstallationStore;
  /** Where each conversation's visitor is on the site, what they browse with (the side panel's "Visitor"). */
  visitorContexts: VisitorContextStore;
  identity: IdentityStore;
  /** Seen receipts and unread: how far each reader has read each conversation. */
  readPositions: ReadPositionStore;
  /**
   * Runs fn as one transaction; resolves after COMMIT, and any throw rolls all of it back. Called inside a
   * transaction it joins it.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** Whether the caller runs inside an open transaction. */
  inTransaction(): boolean;
  /** Write transactions that can usefully run at once: 1 where the engine has one writer (SQLite). */
  readonly concurrentWriters: number;
  close(): Promise<void>;
}

// ---- Model types the store reads and writes ----

export type AgentWithHash = Agent & { passwordHash: string };

/** An agent's picture as stored: its bytes and the type sniffed from them. */
export interface StoredAvatar {
  contentType: AvatarType;
  data: Buffer;
}
export type AvatarType = 'image/png' | 'image/jpeg' | 'image/webp';

export interface Visitor {
  id: string;
  siteId: string;
  name: string;
  createdAt: number;
}

/** Where the bot is in one conversation. */
export interface PlaybookRun {
  conversationId: string;
  siteId: string;
  version: number;
  branch: 'main' | 'offline';
  /** Index of the next step of the branch; while asking, of the question waiting for its answer. */
  position: number;
  phase: 'asking' | 'waiting' | 'done' | 'human';
  /** When the wait for an agent ends (epoch ms); set only while waiting. */
  deadline: number | null;
  /** The visitor's language, whose bot texts the run shows; null or absent: the playbook's default texts. */
  locale?: Locale | null;
}

/** A person conversations are with, as the Contacts page lists them. */
export interface StoredContact {
  id: string;
  siteId: string;
  name: string;
  email: string | null;
  /** The SMS address (E.164, short code or sender ID) or, for a web visitor, the phone they gave. */
  phone: string | null;
  smsAddress: string | null;
  smsOptedOutAt: number | null;
  /** They came through the widget (a widget token names them; SMS contacts have none). */
  web: boolean;
  createdAt: number;
  lastActivityAt: number;
}

/** Who is looking: agents see unassigned conversations and their own, admins everything. */
export interface Viewer {
  agentId: string;
  admin: boolean;
}

export interface ConversationFilter {
  /** Folder membership; undefined for every conversation the viewer may see. */
  folder?: Folder;
  status?: ConversationStatus;
  /** An agent's id, or null for unassigned; undefined for any. */
  assigneeId?: string | null;
  from?: number;
  to?: number;
  visitorId?: string;
  number?: number;
  /** Matched anywhere in the contact's name or email, ignoring case. */
  text?: string;
  channel?: Channel;
  /** A team's id, or null for conversations in no team's queue; undefined for any. */
  teamId?: string | null;
  type?: ConversationType;
  /** A tag of the conversation or of its contact. */
  tag?: string;
  /** A contact attribute: its name as compared (`attributeKeyNorm`), and the exact value when given. */
  attribute?: { keyNorm: string; value?: string };
  createdFrom?: number;
  createdTo?: number;
  limit: number;
}

export interface FolderCountRow {
  unassigned: number;
  mine: number;
  /** Waiting in the queues of the viewer's teams. */
  teams: number;
  /** Every open conversation that reached the inbox (the admins' All chats). */
  open: number;
  /** Open bot-only conversations the visitor wrote in, that the viewer may see. */
  bot: number;
  closed: number;
}

/** The conversation's part of the side panel (deal value, close date, organization address, note). */
export interface StoredDetails {
  dealValue: Money | null;
  expectedCloseDate: string | null;
  organizationAddress: string;
  note: string;
}

export interface NewRecord {
  id: string;
  kind: RecordKind;
  title: string;
  value: Money | null;
  expectedCloseDate: string | null;
  conversationId: string;
  visitorId: string;
  organizationId: string | null;
  note: string;
  createdBy: string;
  createdAt: number;
}

/** A lead the chatbot captured: at most one per conversation. */
export type NewBotLead = Omit<NewRecord, 'kind' | 'value' | 'expectedCloseDate' | 'createdBy'> & {
  botName: string;
};

/** A pending webhook delivery with what sending it needs: its webhook's URL and secret, read at send time. */
export interface DueDelivery {
  id: string;
  webhookId: string;
  event: WebhookEvent;
  body: string;
  attempts: number;
  /** When it was due, as read: the claim succeeds only if nobody moved it since. */
  nextAttemptAt: number;
  url: string;
  secret: string;
}

export interface NewDelivery {
  id: string;
  webhookId: string;
  event: WebhookEvent;
  body: string;
  createdAt: number;
}

export interface SessionRow {
  token_hash: string;
  agent_id: string;
  created_at: number;
  expires_at: number;
}

export interface InviteRow {
  token_hash: string;
  agent_id: string;
  created_at: number;
  expires_at: number;
}

export type NewSite = Omit<Site, 'botFolderForAgents' | 'allowReopen' | 'typingPreview'> & {
  botFolderForAgents?: boolean;
  allowReopen?: boolean;
  typingPreview?: boolean;
};

// ---- Aggregates ----

export interface SiteStore {
  byKey(key: string): Promise<Site | null>;
  byId(id: string): Promise<Site | null>;
  insert(site: NewSite): Promise<void>;
  count(): Promise<number>;
  all(): Promise<Site[]>;
  update(site: Site): Promise<void>;
  /** Whether the site shows agents (not only admins) its Bot folder. */
  botFolderForAgents(siteId: string): Promise<boolean>;
  /** Whether any site does (the agent then has a Bot folder). */
  anyBotFolderForAgents(): Promise<boolean>;
}

export interface AgentStore {
  byId(id: string): Promise<AgentWithHash | null>;
  byEmail(email: string): Promise<AgentWithHash | null>;
  all(): Promise<AgentWithHash[]>;
  insert(agent: AgentWithHash): Promise<void>;
  update(agent: AgentWithHash): Promise<void>;
  /** The agent's "Available" switch. */
  setAvailable(id: string, available: boolean): Promise<void>;
  /** The dashboard's language the agent chose; null for their browser's. */
  setLanguage(id: string, language: Locale | null): Promise<void>;
  /** Stored notification settings (JSON), or null for the defaults. */
  notificationSettings(id: string): Promise<string | null>;
  setNotificationSettings(id: string, json: string): Promise<void>;
  avatar(id: string): Promise<StoredAvatar | null>;
  /** Stores the agent's picture and gives it a new version (one transaction). */
  setAvatar(id: string, picture: StoredAvatar, now: number): Promise<void>;
  removeAvatar(id: string): Promise<void>;
  activeAdminCount(): Promise<number>;
  count(): Promise<number>;
  /**
   * Inside a transaction: holds the agent's row until COMMIT, so a read-then-write of the agent (rename, role,
   * password, invite) on another node waits instead of writing back what it read before (PostgreSQL row lock; the
   * SQLite writer is alone anyway).
   */
  lock(id: string): Promise<void>;
  /** Inside a transaction: holds every active admin's row, so two demotions cannot both pass the last-admin check. */
  lockActiveAdmins(): Promise<void>;
}

export interface SessionStore {
  insert(tokenHash: string, agentId: string, createdAt: number, expiresAt: number): Promise<void>;
  byHash(tokenHash: string): Promise<SessionRow | null>;
  remove(tokenHash: string): Promise<void>;
  removeForAgent(agentId: string): Promise<void>;
  /** Every session of the agent but one (theirs, after they changed their password). */
  removeForAgentExcept(agentId: string, keepHash: string): Promise<void>;
  /** Deletes expired sessions; returns how many. */
  removeExpired(now: number): Promise<number>;
}

export interface InviteStore {
  insert(tokenHash: string, agentId: string, createdAt: number, expiresAt: number): Promise<void>;
  byHash(tokenHash: string): Promise<InviteRow | null>;
  removeForAgent(agentId: string): Promise<void>;
}

export interface VisitorStore {
  insert(visitor: Visitor, tokenHash: string): Promise<void>;
  /** A token only opens a visitor of the site it was issued for. */
  byToken(tokenHash: string, siteId: string): Promise<Visitor | null>;
  byId(id: string): Promise<Visitor | null>;
  touch(id: string, at: number): Promise<void>;
  /** What the visitor told us about themselves (all null until the playbook captures something). */
  contact(id: string): Promise<Contact>;
  /** null (or "") clears the field. */
  setContactField(id: string, field: ContactField, value: string | null): Promise<void>;
  /** The contact who texts from this address to the site's number. */
  bySmsAddress(siteId: string, address: string): Promise<Visitor | null>;
  /** A contact reached by SMS: a visitor without a widget token, with their address (and phone) set. */
  insertSmsContact(visitor: Visitor, address: string, phone: string | null): Promise<void>;
  /** They texted STOP (at) or START (null). */
  setSmsOptedOut(id: string, at: number | null): Promise<void>;
  /** The contact; with a viewer, only one they may see (see `searchContacts`). */
  contactById(id: string, viewer?: Viewer): Promise<StoredContact | null>;
  /**
   * Contacts the viewer may see (one of their conversations is visible to the viewer; admins: all), by name, email
   * or phone (`text`, ignoring case), most recently active first.
   */
  searchContacts(text: string | null, limit: number, viewer: Viewer): Promise<StoredContact[]>;
}

export interface ConversationStore {
  byId(id: string): Promise<Conversation | null>;
  /** The visitor's open conversation on a channel (the widget's: `web`). */
  openForVisitor(visitorId: string, channel?: Channel): Promise<Conversation | null>;
  /** Just the id of the visitor's open conversation (one index read, for the message hot path). */
  openIdOfVisitor(visitorId: string): Promise<string | null>;
  /**
   * Locks the conversation's row until the transaction ends, so a read-then-decide inside it does not race another
   * node's. Call inside a transaction, before the read.
   */
  lock(id: string): Promise<void>;
  /**
   * Locks the visitor's open conversation (as `lock`) and returns its id, in one statement; null when there is none.
   * One that another node closes while this waits for the lock is not returned.
   */
  lockOpenOfVisitor(visitorId: string): Promise<string | null>;
  /** Creates an open conversation with the next number (on the web channel unless told). */
  /** `startedByAgent`: an agent started it from the contact ("New"). */
  create(c: {
    id: string;
    siteId: string;
    visitorId: string;
    now: number;
    channel?: Channel;
    startedByAgent?: boolean;
  }): Promise<void>;
  /** The inbox's lists: filters, and what the viewer may see (agents: unassigned and their own). */
  search(filter: ConversationFilter, viewer: Viewer): Promise<Conversation[]>;
  /** The visitor's newest conversations on a channel, newest first (the widget's history: `web`). */
  recentOfVisitor(visitorId: string, limit: number, channel?: Channel): Promise<Conversation[]>;
  /** The agent's open conversations (a deactivated agent's go back to Unassigned). */
  openAssignedTo(agentId: string): Promise<Conversation[]>;
  /** Folder sizes as the viewer sees them. `open` counts every open conversation (the admins' All chats). */
  counts(viewer: Viewer): Promise<FolderCountRow>;
  /** Sets or clears the assignee of an open conversation (which is then in the inbox); null when not open. */
  setAssignee(id: string, agentId: string | null, now: number): Promise<Conversation | null>;
  /** Closes an open conversation; null when it was not open. */
  close(id: string, now: number): Promise<Conversation | null>;
  /**
   * Opens a closed conversation again, with this assignee (null: back in the inbox's queue, queued now); null when it
   * was not closed. A unique violation when its contact has another open conversation on its channel.
   */
  reopen(id: string, assigneeId: string | null, now: number): Promise<Conversation | null>;
  setTags(id: string, tags: string[]): Promise<Conversation | null>;
  /** Puts the conversation in the agents' inbox (once; a second call keeps the first time). */
  queue(id: string, now: number): Promise<Conversation | null>;
  /** The visitor waits for an agent until `until`; null ends the wait. */
  setWaiting(id: string, until: number | null): Promise<Conversation | null>;
  /** Nobody took it: the offline flow runs. Ends any wait. */
  markMissed(id: string, now: number): Promise<Conversation | null>;
  /** Assigns an open, unassigned conversation (queuing it); null when it is not (someone else was first). */
  claim(id: string, agentId: string, now: number): Promise<Conversation | null>;
  /**
   * Puts an open conversation in a queue: a team's, or everyone's (null); nobody holds it. Null when not open.
   */
  setQueue(id: string, teamId: string | null, now: number): Promise<Conversation | null>;
  /** The oldest chat waiting in the team's queue that the contact wrote in, if any. */
  oldestInTeamQueue(teamId: string): Promise<Conversation | null>;
  /** How many open conversations the agent holds. */
  openCountOf(agentId: string): Promise<number>;
  /** Who held the visitor's newest conversation before this one (returning contacts); null for nobody. */
  previousAssigneeOf(visitorId: string, exceptId: string): Promise<string | null>;
  /**
   * Reserves the next gap-free seq of a conversation; returns it updated (lastSeq is the new seq), or null.
   * `byVisitor` (a visitor's message) also records the first time the visitor wrote; a null `preview` keeps the
   * one before.
   */
  advance(id: string, now: number, preview: string | null, byVisitor?: boolean): Promise<Conversation | null>;
}

export interface MessageStore {
  insert(message: Message): Promise<void>;
  /** The message an author already sent with this command id, if any (idempotent resend). */
  byClientId(kind: AuthorKind, authorId: string | null, clientId: string): Promise<Message | null>;
  after(conversationId: string, afterSeq: number, limit: number): Promise<Message[]>;
  /** One message by id, with its delivery (an SMS delivery report changed it). */
  byId(conversationId: string, id: string): Promise<Message | null>;
  /**
   * How many messages agents and the bot wrote in the visitor's open web conversation since the visitor last connected
   * (their widget's last hello): the launcher's cue to load the chat.
   */
  teamSinceVisitorConnected(visitorId: string): Promise<number>;
}

export interface PlaybookStore {
  latest(siteId: string): Promise<StoredPlaybook | null>;
  byVersion(siteId: string, version: number): Promise<StoredPlaybook | null>;
  /** Stores the next version of the site's playbook. */
  insert(siteId: string, playbook: Playbook, by: string | null, now: number): Promise<StoredPlaybook>;
}

export interface PlaybookRunStore {
  get(conversationId: string): Promise<PlaybookRun | null>;
  save(run: PlaybookRun, now: number): Promise<void>;
  /** Every pending wait timer, soonest first: re-armed when the server starts. */
  withDeadline(): Promise<PlaybookRun[]>;
}

export interface AnswerStore {
  save(conversationId: string, answer: Answer): Promise<void>;
  of(conversationId: string): Promise<Answer[]>;
}

export interface WebhookStore {
  all(): Promise<Webhook[]>;
  byId(id: string): Promise<Webhook | null>;
  insert(webhook: Webhook, secret: string): Promise<void>;
  update(webhook: Webhook): Promise<void>;
  /** Deletes the webhook and its whole delivery log; false when there was none. */
  remove(id: string): Promise<boolean>;
  /** Ids of the active webhooks subscribed to `event`. */
  subscribed(event: WebhookEvent): Promise<string[]>;
  insertDelivery(delivery: NewDelivery): Promise<void>;
  /** The newest `limit` deliveries of a webhook, newest first. */
  deliveries(webhookId: string, limit: number): Promise<WebhookDelivery[]>;
  delivery(webhookId: string, id: string): Promise<WebhookDelivery | null>;
  /** Active webhooks with at least one delivery due at `now`, the longest-waiting first. */
  dueWebhooks(now: number): Promise<string[]>;
  /** The oldest `limit` deliveries of one webhook due at `now`. */
  due(webhookId: string, now: number, limit: number): Promise<DueDelivery[]>;
  /**
   * Moves a pending delivery's due time from `from` to `to`; false when it is no longer pending at `from`. Taking a
   * delivery for an attempt is this move (another node that read the same row finds it moved and leaves it).
   */
  reschedule(id: string, from: number, to: number): Promise<boolean>;
  /** Records a 2xx; a delivery that is no longer pending (deleted meanwhile) is left alone. */
  markSucceeded(id: string, attempts: number, statusCode: number, at: number): Promise<void>;
  /** Records a failed attempt: retried at `nextAttemptAt`, or given up when that is null. */
  markAttemptFailed(
    id: string,
    attempts: number,
    statusCode: number | null,
    error: string,
    nextAttemptAt: number | null,
  ): Promise<void>;
  /** Makes a failed delivery pending again, due at `at`; false when it is not a failed delivery of that webhook. */
  requeue(webhookId: string, id: string, at: number): Promise<boolean>;
  /** Deletes finished (succeeded or failed) deliveries created before `before`; returns how many. */
  prune(before: number): Promise<number>;
}

export interface DetailsStore {
  of(conversationId: string): Promise<StoredDetails>;
  save(conversationId: string, details: StoredDetails, now: number): Promise<void>;
}

export interface CrmStore {
  /**
   * The id of the organization with this name (case-insensitively), created with `id` when new; a non-empty
   * address replaces the stored one.
   */
  organization(name: string, address: string, id: string, now: number): Promise<string>;
  insert(record: NewRecord): Promise<CrmRecord>;
  /** Inserts the conversation's bot lead; null when it has one already (a replayed or re-run capture). */
  insertBotLead(lead: NewBotLead): Promise<CrmRecord | null>;
  ofConversation(conversationId: string): Promise<CrmRecord[]>;
  /** Records of conversations the viewer may see (the inbox's rule), newest first. */
  list(viewer: Viewer, kind: RecordKind | null): Promise<CrmRecord[]>;
}

/** The agents-only timeline of a conversation: notes and what happened to it. */
export interface ActivityStore {
  insert(activity: Activity): Promise<void>;
  of(conversationId: string): Promise<Activity[]>;
}

/** Teams (work groups) with their members' ids. */
export interface TeamStore {
  /** Every team, by name (ignoring case). */
  all(): Promise<Team[]>;
  byId(id: string): Promise<Team | null>;
  /** The team with this name, ignoring case. */
  byName(name: string): Promise<Team | null>;
  /** Inside a transaction: holds the team's row until COMMIT; false when there is no such team. */
  lock(id: string): Promise<boolean>;
  /** A unique violation when the name (ignoring case) is taken. */
  insert(team: Omit<Team, 'memberIds'>): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  /** Replaces the members; call inside a transaction, after `lock`. */
  setMembers(id: string, agentIds: readonly string[]): Promise<void>;
  /** The team and its memberships; false when there was no such team. */
  remove(id: string): Promise<boolean>;
  setRouting(id: string, routing: TeamRouting): Promise<void>;
  /** Whether the agent is a member of the team. */
  isMember(teamId: string, agentId: string): Promise<boolean>;
  /** The team's members. */
  memberIds(teamId: string): Promise<string[]>;
  /** The teams the agent is a member of. */
  teamIdsOf(agentId: string): Promise<string[]>;
  /** The team's active members in round-robin order: least recently given a chat by the team first. */
  roundOrder(teamId: string): Promise<string[]>;
  /** The team gave the agent a chat: they go to the back of its round. */
  markAssigned(teamId: string, agentId: string): Promise<void>;
  /** Teams that assign automatically and have a chat its contact wrote in waiting in their queue. */
  autoTeamsWithQueue(): Promise<string[]>;
  /** The agent leaves every team (deactivated). */
  removeAgent(agentId: string): Promise<void>;
}

/** A saved reply with its owner: the agent who alone sees a personal one; null for the team's. */
export type StoredSavedReply = SavedReply & { ownerId: string | null };

/** A site's closing messages: built-in ones (with their language) and the admins' own (locale null). */
export interface ClosingMessageStore {
  /** The site's messages in `locale` and the admins' own, built-in first, then oldest first. */
  ofSite(siteId: string, locale: Locale): Promise<ClosingMessage[]>;
  byId(siteId: string, id: string): Promise<ClosingMessage | null>;
  /**
   * Marks the site's built-in messages as added; true only for the first caller (who adds them, in the same
   * transaction), so they are added once per site even when an admin deleted them all since.
   */
  claimBuiltIns(siteId: string): Promise<boolean>;
  insert(siteId: string, message: ClosingMessage, createdBy: string | null): Promise<void>;
  /** false when the site has no such message. */
  update(siteId: string, id: string, text: string, now: number): Promise<boolean>;
  remove(siteId: string, id: string): Promise<boolean>;
}

export interface SavedReplyStore {
  /** The team's and the agent's own, by shortcut (the team's first when both use one). */
  visibleTo(agentId: string): Promise<StoredSavedReply[]>;
  byId(id: string): Promise<StoredSavedReply | null>;
  /** Among the team's (ownerId null) or one agent's own. */
  byShortcut(shortcut: string, ownerId: string | null): Promise<StoredSavedReply | null>;
  /** A unique violation when the shortcut is taken among the team's or the owner's. */
  insert(reply: StoredSavedReply, createdBy: string): Promise<void>;
  update(reply: SavedReply): Promise<void>;
  /** false when there was none. */
  remove(id: string): Promise<boolean>;
}

/** The provider account entered on the settings page. */
export interface StoredSmsAccount {
  accountSid: string;
  authToken: string;
  apiBaseUrl: string;
}

export interface StoredSmsSettings {
  siteId: string;
  number: string | null;
  enabled: boolean;
  helpText: string | null;
  lastInboundAt: number | null;
  /** The team whose queue texts go to; null for everyone's. */
  teamId: string | null;
}

export interface WebhookDiagnostic {
  at: number;
  signatureValid: boolean;
  kind: 'messages' | 'status';
}

export interface NewSmsMessage {
  messageId: string;
  conversationId: string;
  siteId: string;
  from: string;
  to: string;
  body: string;
  createdAt: number;
}

/** An outbound text waiting in the outbox. */
export interface DueSms extends NewSmsMessage {
  attempts: number;
  /** As read: the claim succeeds only if nobody moved it since. */
  nextAttemptAt: number;
  /** Set once an attempt may have reached the provider. */
  firstAttemptAt: number | null;
}

export interface SmsStore {
  account(): Promise<StoredSmsAccount | null>;
  saveAccount(account: StoredSmsAccount, now: number): Promise<void>;
  recordWebhook(diagnostic: WebhookDiagnostic): Promise<void>;
  lastWebhook(): Promise<WebhookDiagnostic | null>;
  settings(siteId: string): Promise<StoredSmsSettings | null>;
  /** The site whose number this is. */
  byNumber(number: string): Promise<StoredSmsSettings | null>;
  /** Writes the fields given; creates the row on first save. A number taken by another site is a unique violation. */
  saveSettings(
    siteId: string,
    patch: { number?: string | null; enabled?: boolean; helpText?: string; teamId?: string | null },
    now: number,
  ): Promise<StoredSmsSettings>;
  recordInbound(siteId: string, at: number): Promise<void>;
  /** Whether a text with this provider id is stored (a provider retry). */
  hasProviderId(providerId: string): Promise<boolean>;
  insertInbound(text: NewSmsMessage & { providerId: string }): Promise<void>;
  /** Puts an outbound text in the outbox, due at once. */
  insertOutbound(text: NewSmsMessage): Promise<void>;
  /** The oldest `limit` texts due at `now`. */
  due(now: number, limit: number): Promise<DueSms[]>;
  /**
   * Takes a due text for an attempt: moves it from `from` to `until` (the lease), counts the attempt and notes that
   * one may reach the provider; false when another node took it first.
   */
  claim(messageId: string, from: number, until: number, now: number): Promise<boolean>;
  /**
   * The provider took it: never sent again. A status already further along is kept, and a report that arrived before
   * this (see `keepEarlyReport`) is applied.
   */
  markSent(messageId: string, providerId: string, status: DeliveryStatus): Promise<void>;
  /** A report for a provider id not recorded yet: kept (the later status of two) until `markSent` records it. */
  keepEarlyReport(
    providerId: string,
    status: DeliveryStatus,
    error: string | null,
    at: number,
  ): Promise<void>;
  /** Retried at `at` (the thread still shows it queued). */
  markRetry(messageId: string, at: number): Promise<void>;
  /** Refused for good. */
  markFailed(messageId: string, error: string): Promise<void>;
  /**
   * A delivery report: applied when it is later than the recorded status; returns the message it changed, null
   * when it changed nothing (unknown id, a duplicate, an earlier status arriving late).
   */
  applyStatus(
    providerId: string,
    status: DeliveryStatus,
    error: string | null,
  ): Promise<{ messageId: string; conversationId: string } | null>;
  /** Provider ids of the texts sent from one address to another (reconciliation excludes them). */
  providerIdsBetween(from: string, to: string): Promise<string[]>;
  delivery(messageId: string): Promise<Delivery | null>;
}

/**
 * The store refused a write because it would duplicate a UNIQUE key (an email, a shortcut, a visitor's open
 * conversation): the error either engine throws then.
 */
/**
 * Concurrent transactions collided and the engine gave one up (PostgreSQL: a deadlock, or a serialization failure):
 * nothing was wrong with the writes, and running the transaction again succeeds.
 */
export function isTransientConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** A file as stored: an Attachment without its URL (signed when a message is read), with who uploaded it and where. */
export interface StoredFile {
  id: string;
  siteId: string;
  uploader: { kind: 'visitor' | 'agent' | 'provider'; id: string };
  uploadId: string;
  conversationId: string | null;
  messageId: string | null;
  name: string;
  mime: string;
  kind: AttachmentKind;
  size: number;
  voice: boolean;
  createdAt: number;
}

/** A file in the Gallery: a sent one, with its message's author and time. */
export interface StoredGalleryFile extends StoredFile {
  conversationId: string;
  messageId: string;
  author: { kind: AuthorKind; name: string };
  /** When its message was sent. */
  sentAt: number;
}

export interface SiteFileRules {
  /** Null: the default groups. */
  allowed: FileTypeGroup[] | null;
  maxFileBytes: number | null;
}

export interface FileStore {
  insert(file: StoredFile): Promise<void>;
  byId(id: string): Promise<StoredFile | null>;
  byUpload(
    kind: StoredFile['uploader']['kind'],
    uploaderId: string,
    uploadId: string,
  ): Promise<StoredFile | null>;
  /** Marks the files sent by a message, in this order; resolves with how many were still unsent and so claimed. */
  attach(ids: readonly string[], conversationId: string, messageId: string): Promise<number>;
  /** The sent files of these messages, in their order. */
  ofMessages(messageIds: readonly string[]): Promise<StoredFile[]>;
  /** Sent files of these conversations, newest first. */
  gallery(conversationIds: readonly string[], limit: number): Promise<StoredGalleryFile[]>;
  /** Unsent files uploaded before `before`: deleted; resolves with their ids (their bytes go next). */
  removeUnsentBefore(before: number, limit: number): Promise<string[]>;
  usage(siteId: string): Promise<{ bytes: number; files: number }>;
  rules(siteId: string): Promise<SiteFileRules>;
  saveRules(siteId: string, rules: SiteFileRules): Promise<void>;
  /** A secret shared by every node: made by the first who asks, read by the rest. */
  installSecret(name: string, make: () => string): Promise<string>;
}
