// Typed calls for every endpoint the dashboard uses. Bodies have the types the server's schemas accept, answers are
// parsed with the server's response schemas (see routes.ts and http.ts); contract/ runs each one against the server.
import type {
  AssigneeBody,
  BusinessHoursInput,
  ChangePasswordBody,
  ConversationSearchQuery,
  CreateAgentBodySchema,
  CreateRecordBodySchema,
  CreateWebhookBodySchema,
  SavedReplyInputSchema,
  UpdateAgentBodySchema,
  UpdateProfileBody,
  UpdateSavedReplyBodySchema,
  UpdateSiteBodySchema,
  UpdateWebhookBodySchema,
  NewConversationBody,
  ContactAttribute,
  ContactDetailsBody,
  SmsAccountBody,
  UpdateSmsSettingsBody,
  FileSettingsInput,
  CreateTeamBody,
  UpdateTeamBody,
  z,
} from '@livechat/shared/api';
import type { ConversationDetails, NotificationSettings, Playbook, RecordKind } from '@livechat/shared/model';
import { call, href } from './http.js';
import { RECORDS_CSV_PATH, routes } from './routes.js';

export type { Colleague } from '@livechat/shared/api';

export const authApi = {
  login: (email: string, password: string) =>
    call(routes.login, { body: { email, password } }).then((r) => r.agent),
  logout: () => call(routes.logout),
  me: () => call(routes.me).then((r) => r.agent),
  /** The signed-in agent's "Available" switch; answers with the agent as stored. */
  setAvailable: (available: boolean) =>
    call(routes.setAvailable, { body: { available } }).then((r) => r.agent),
};

/** The signed-in agent's own name, picture and password. */
export const profileApi = {
  /** Answers with the agent as stored. */
  update: (body: UpdateProfileBody) => call(routes.updateProfile, { body }).then((r) => r.agent),
  /** Ends every other session of the agent; 400 invalid_request (field currentPassword) when it is wrong. */
  changePassword: (body: ChangePasswordBody) => call(routes.changePassword, { body }),
  /** A PNG, JPEG or WebP picture of at most 512 KB, sent as raw bytes; answers with the agent as stored. */
  setAvatar: (file: Blob) => call(routes.setAvatar, { body: file }).then((r) => r.agent),
  removeAvatar: () => call(routes.removeAvatar).then((r) => r.agent),
};

export const conversationsApi = {
  /** A folder and filters; the server leaves out what the agent may not see (colleagues' chats). */
  list: (query: Partial<ConversationSearchQuery>) =>
    call(routes.conversations, { query }).then((r) => r.conversations),
  /** Live folder sizes; `all` is null for agents who are not admins. */
  counts: () => call(routes.counts).then((r) => r.counts),
  get: (id: string) => call(routes.conversation, { params: { id } }).then((r) => r.conversation),
  messages: (id: string, afterSeq: number, limit: number) =>
    call(routes.messages, { params: { id }, query: { afterSeq, limit } }).then((r) => r.messages),
  /** Takes an unassigned conversation; 409 already_assigned when a colleague was faster. */
  assign: (id: string) => call(routes.assign, { params: { id } }).then((r) => r.conversation),
  lead: (id: string) => call(routes.lead, { params: { id } }).then((r) => r.lead),
  /** Where the visitor is on the site and what they browse with; null until their widget said. */
  visitorContext: (id: string) => call(routes.visitorContext, { params: { id } }).then((r) => r.context),
  /** Any active agent, or null for Unassigned. */
  /** An agent (`assigneeId`, null for everyone's Unassigned) or a team's queue (`teamId`). */
  setAssignee: (id: string, target: AssigneeBody) =>
    call(routes.setAssignee, { params: { id }, body: target }).then((r) => r.conversation),
  /** With one of the site's closing messages (sent as the last message), or none; 400 for an unknown one. */
  close: (id: string, closingMessageId?: string | null) =>
    call(routes.close, {
      params: { id },
      body: closingMessageId ? { closingMessageId } : undefined,
    }).then((r) => r.conversation),
  /** The closing messages "Close chat" offers, and whether the site lets agents reopen closed chats. */
  closeOptions: (id: string) => call(routes.closeOptions, { params: { id } }),
  /** 403 while the site does not allow it; 409 when the contact has another open conversation on the channel. */
  reopen: (id: string) => call(routes.reopen, { params: { id } }).then((r) => r.conversation),
  setTags: (id: string, tags: string[]) =>
    call(routes.setTags, { params: { id }, body: { tags } }).then((r) => r.conversation),
  details: (id: string) => call(routes.details, { params: { id } }).then((r) => r.details),
  /** 400 with field `details` (paths like "body.details.email") when the server refuses a value. */
  saveDetails: (id: string, details: ConversationDetails) =>
    call(routes.saveDetails, { params: { id }, body: { details } }).then((r) => r.details),
  records: (id: string) => call(routes.conversationRecords, { params: { id } }).then((r) => r.records),
  /** Saves the details too; a deal without a value is 400 at "body.details.dealValue". */
  createRecord: (id: string, body: z.input<typeof CreateRecordBodySchema>) =>
    call(routes.createRecord, { params: { id }, body }).then((r) => r.record),
  /** The agents-only timeline (notes and events), oldest first. */
  activities: (id: string) => call(routes.activities, { params: { id } }).then((r) => r.activities),
  addNote: (id: string, body: string) =>
    call(routes.addNote, { params: { id }, body: { body } }).then((r) => r.activity),
  /** Admins only: for good, with its messages, notes, details, leads and deals, texts and files. */
  remove: (id: string) => call(routes.removeConversation, { params: { id } }),
};

/** Every active agent, for the Assignee choices (any signed-in agent may ask). */
export const colleaguesApi = {
  list: () => call(routes.colleagues).then((r) => r.agents),
};

/** Admin only: the sites, where their widget may run, and their playbooks. */
/** Admins: each site's closing messages (built-in ones in the site's language, and their own). */
export const closingMessagesApi = {
  list: (siteId: string) =>
    call(routes.closingMessages, { params: { id: siteId } }).then((r) => r.closingMessages),
  create: (siteId: string, text: string) =>
    call(routes.createClosingMessage, { params: { id: siteId }, body: { text } }).then(
      (r) => r.closingMessage,
    ),
  update: (siteId: string, messageId: string, text: string) =>
    call(routes.updateClosingMessage, { params: { id: siteId, messageId }, body: { text } }).then(
      (r) => r.closingMessage,
    ),
  remove: (siteId: string, messageId: string) =>
    call(routes.removeClosingMessage, { params: { id: siteId, messageId } }),
};
export type ClosingMessagesApi = typeof closingMessagesApi;

/** Admins: each site's business hours (outside them the Live Chat card goes straight to the offline flow). */
export const businessHoursApi = {
  get: (siteId: string) =>
    call(routes.businessHours, { params: { id: siteId } }).then((r) => r.businessHours),
  save: (siteId: string, hours: BusinessHoursInput) =>
    call(routes.saveBusinessHours, { params: { id: siteId }, body: hours }).then((r) => r.businessHours),
};
export type BusinessHoursApi = typeof businessHoursApi;

export const sitesApi = {
  list: () => call(routes.sites).then((r) => r.sites),
  update: (id: string, patch: z.input<typeof UpdateSiteBodySchema>) =>
    call(routes.updateSite, { params: { id }, body: patch }).then((r) => r.site),
  playbook: (id: string) => call(routes.playbook, { params: { id } }).then((r) => r.playbook),
  /** Where the site's widget was last seen loading; `installed` false until it loaded on an allowed origin. */
  installation: (id: string) => call(routes.installation, { params: { id } }),
  /** Whether the site has an identity secret and since when (never the secret). */
  identitySecret: (id: string) => call(routes.identitySecret, { params: { id } }),
  /** A new identity secret, in this answer only; the old one stops verifying at once. */
  rotateIdentitySecret: (id: string) => call(routes.rotateIdentitySecret, { params: { id } }),
  /** Every save is a new version; 400 invalid_request with field `details` when the server refuses it. */
  savePlaybook: (id: string, playbook: Playbook) =>
    call(routes.savePlaybook, { params: { id }, body: playbook }).then((r) => r.playbook),
};

export const agentsApi = {
  list: () => call(routes.agents).then((r) => r.agents),
  /** Without a password the agent is invited, and the answer carries their invite link. */
  create: (body: z.input<typeof CreateAgentBodySchema>) => call(routes.createAgent, { body }),
  /** A fresh link for an invited agent; the older ones stop working. */
  reissueInvite: (id: string) => call(routes.reissueInvite, { params: { id } }).then((r) => r.invite),
  update: (id: string, patch: z.input<typeof UpdateAgentBodySchema>) =>
    call(routes.updateAgent, { params: { id }, body: patch }).then((r) => r.agent),
};

/** Public: the invite link's token is the only credential. Accepting signs the agent in. */
export const invitesApi = {
  get: (token: string) => call(routes.invite, { params: { token } }),
  accept: (token: string, password: string) =>
    call(routes.acceptInvite, { params: { token }, body: { password } }).then((r) => r.agent),
};

/** Leads and deals across all conversations; `kind` null is both. The server leaves out what an agent may not see. */
export const recordsApi = {
  list: (kind: RecordKind | null) =>
    call(routes.records, { query: kind ? { kind } : {} }).then((r) => r.records),
  /** A plain download link: the server answers text/csv with a file name. */
  csvHref: (kind: RecordKind | null) => href(RECORDS_CSV_PATH, {}, kind ? { kind } : {}),
};

export type SavedReplyInput = z.input<typeof SavedReplyInputSchema>;

/**
 * The team's (admins manage them) and the agent's own (`personal`, nobody else sees them); 409 conflict when the
 * shortcut is taken in that group; 400 when the text uses an unknown variable.
 */
export const savedRepliesApi = {
  list: () => call(routes.savedReplies).then((r) => r.replies),
  create: (input: SavedReplyInput) => call(routes.createSavedReply, { body: input }).then((r) => r.reply),
  update: (id: string, patch: z.input<typeof UpdateSavedReplyBodySchema>) =>
    call(routes.updateSavedReply, { params: { id }, body: patch }).then((r) => r.reply),
  remove: (id: string) => call(routes.removeSavedReply, { params: { id } }),
};

/** Every agent reads them (team names); admins add, rename, choose members (active agents) and delete. */
export const teamsApi = {
  list: () => call(routes.teams).then((r) => r.teams),
  /** 409 conflict when the name is taken, ignoring case. */
  create: (body: CreateTeamBody) => call(routes.createTeam, { body }).then((r) => r.team),
  /** A new name, the whole list of members, or both. */
  update: (id: string, patch: UpdateTeamBody) =>
    call(routes.updateTeam, { params: { id }, body: patch }).then((r) => r.team),
  /** The team and its memberships; the agents stay. */
  remove: (id: string) => call(routes.removeTeam, { params: { id } }),
};
export type TeamsApi = typeof teamsApi;

/** The signed-in agent's desktop notification choices. */
export const notificationSettingsApi = {
  get: () => call(routes.notificationSettings).then((r) => r.settings),
  save: (settings: NotificationSettings) =>
    call(routes.saveNotificationSettings, { body: { settings } }).then((r) => r.settings),
};

export type WebhookInput = z.input<typeof CreateWebhookBodySchema>;

/** Admin only. The signing secret is in the answer to create, and never again. */
export const webhooksApi = {
  list: () => call(routes.webhooks).then((r) => r.webhooks),
  create: (input: WebhookInput) => call(routes.createWebhook, { body: input }),
  update: (id: string, patch: z.input<typeof UpdateWebhookBodySchema>) =>
    call(routes.updateWebhook, { params: { id }, body: patch }).then((r) => r.webhook),
  remove: (id: string) => call(routes.removeWebhook, { params: { id } }),
  deliveries: (id: string) => call(routes.deliveries, { params: { id } }).then((r) => r.deliveries),
  /** Sends a failed delivery once more, with the same id and body; 409 when it is not failed. */
  retryDelivery: (id: string, deliveryId: string) =>
    call(routes.retryDelivery, { params: { id, deliveryId } }).then((r) => r.delivery),
};

export type ConversationsApi = typeof conversationsApi;
export type AgentsApi = typeof agentsApi;
export type AuthApi = typeof authApi;
export type ProfileApi = typeof profileApi;
export type InvitesApi = typeof invitesApi;
export type SitesApi = typeof sitesApi;
export type RecordsApi = typeof recordsApi;
export type SavedRepliesApi = typeof savedRepliesApi;
export type NotificationSettingsApi = typeof notificationSettingsApi;
export type WebhooksApi = typeof webhooksApi;

/** The SMS page (admins), and the numbers texts go out from (every agent). */
export const smsApi = {
  /** Every site's connected number: the "From" of a new text. */
  senders: () => call(routes.smsSenders).then((r) => r.senders),
  settings: (siteId: string) => call(routes.smsSettings, { params: { id: siteId } }).then((r) => r.sms),
  /** Connects or switches the number, flips Enabled, edits the help text; absent fields stay. */
  save: (siteId: string, patch: UpdateSmsSettingsBody) =>
    call(routes.saveSmsSettings, { params: { id: siteId }, body: patch }).then((r) => r.sms),
  /** Forgets the site's number; the account stays. */
  disconnect: (siteId: string) => call(routes.disconnectSms, { params: { id: siteId } }).then((r) => r.sms),
  /** The provider account's numbers; sms_unavailable without an account, sms_provider_error when it refuses us. */
  numbers: () => call(routes.smsNumbers).then((r) => r.numbers),
  /** Only when TWILIO_* variables do not set the account. */
  saveAccount: (body: SmsAccountBody) => call(routes.saveSmsAccount, { body }).then((r) => r.account),
};

/** Contacts (every agent; the server leaves out what the agent may not see), and the green "New". */
export const contactsApi = {
  /** Matches name, email or phone; newest activity first. */
  list: (q: string) => call(routes.contacts, { query: q ? { q } : {} }).then((r) => r.contacts),
  /** The contact and their conversations on every channel, newest first. */
  get: (id: string) => call(routes.contact, { params: { id } }),
  /** A first message (or the next one, in the contact's open conversation on that channel). */
  newConversation: (body: NewConversationBody) => call(routes.newConversation, { body }),
  /** Admins only: for good, with every conversation of theirs and their files. */
  remove: (id: string) => call(routes.removeContact, { params: { id } }),
  /** Details, attributes, tags, notes and likely duplicates (404 when the agent may not see the contact). */
  crm: (id: string) => call(routes.contactCrm, { params: { id } }),
  /** 400 with fields `name`, `email`, `phone` (paths like "body.email") when a value is refused. */
  saveDetails: (id: string, body: ContactDetailsBody) =>
    call(routes.saveContactDetails, { params: { id }, body }).then((r) => r.contact),
  /** Replaces them all, in order; 400 at "body.attributes.<i>.key" or ".value" when one is refused. */
  saveAttributes: (id: string, attributes: ContactAttribute[]) =>
    call(routes.saveContactAttributes, { params: { id }, body: { attributes } }).then((r) => r.attributes),
  saveTags: (id: string, tags: string[]) =>
    call(routes.saveContactTags, { params: { id }, body: { tags } }).then((r) => r.tags),
  addNote: (id: string, body: string) =>
    call(routes.addContactNote, { params: { id }, body: { body } }).then((r) => r.note),
  /** Its author only (403 otherwise). */
  removeNote: (id: string, noteId: string) => call(routes.removeContactNote, { params: { id, noteId } }),
  /** Admins only: `otherId` goes into this contact; 409 in words when they cannot be one (two open chats on a channel). */
  merge: (id: string, otherId: string) => call(routes.mergeContact, { params: { id }, body: { otherId } }),
  /** Admins only: everything stored about the contact, parsed (the page downloads it from exportHref instead). */
  export: (id: string) => call(routes.exportContact, { params: { id } }),
  /** The download link of the export: the server names the file contact-<id>.json. */
  exportHref: (id: string) => href(routes.exportContact.path, { id }),
  /** Notes about a conversation's contact, for the inbox's side panel. */
  notesOfConversation: (conversationId: string) =>
    call(routes.conversationContactNotes, { params: { id: conversationId } }).then((r) => r.notes),
};

/** Admins: what was done to contacts (deletions), newest first. */
export const auditApi = {
  list: () => call(routes.audit).then((r) => r.entries),
};

/** Files sent in conversations: the Gallery beside a conversation, and a site's file rules (admins). */
export const filesApi = {
  /** Every file of the conversation and of the contact's other conversations the agent may see, newest first. */
  gallery: (conversationId: string) =>
    call(routes.gallery, { params: { id: conversationId } }).then((r) => r.files),
  settings: (siteId: string) => call(routes.fileSettings, { params: { id: siteId } }),
  /** An empty `allowed` turns attachments off; `maxFileBytes` null keeps the channel's limit. */
  saveSettings: (siteId: string, input: FileSettingsInput) =>
    call(routes.saveFileSettings, { params: { id: siteId }, body: input }),
};
export type FilesApi = typeof filesApi;

/** Where uploadFile sends a file for this conversation (same origin: the session cookie goes with it). */
export const agentUploadUrl = (conversationId: string) =>
  href(routes.uploadFile.path, { id: conversationId });

/** Seen receipts and unread counts of the signed-in agent. */
export const receiptsApi = {
  /** Unread contact messages per open conversation the agent may see, and unread chats per folder. */
  unread: () => call(routes.unread).then((r) => r.unread),
  /** How far the visitor, the team and the agent have read the conversation. */
  reads: (id: string) => call(routes.reads, { params: { id } }).then((r) => r.reads),
  /** The agent read up to `seq` (positions only move forward). */
  read: (id: string, seq: number) =>
    call(routes.read, { params: { id }, body: { seq } }).then((r) => r.reads),
  /** "Mark as unread": the agent's position goes back to before the contact's last message. */
  markUnread: (id: string) => call(routes.markUnread, { params: { id } }).then((r) => r.reads),
};
