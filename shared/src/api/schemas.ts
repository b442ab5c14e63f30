// HTTP API request and response bodies. The server validates with these and generates its OpenAPI document from them.
import { z } from 'zod';
// Installs zod's human messages for everything validated with these schemas (the server's 400 details).
import '../model/human-errors.js';
import {
  AgentSchema,
  DashboardLanguageSchema,
  EmailSchema,
  PasswordSchema,
  PersonNameSchema,
  RoleSchema,
} from '../model/agent.js';
import { ConversationSchema, ConversationStatusSchema, TagSchema } from '../model/conversation.js';
import { checkFilterRanges, conversationFilterFields } from './conversation-filters.js';
import {
  ActivitySchema,
  ConversationDetailsSchema,
  CrmRecordSchema,
  NotificationSettingsSchema,
  RecordKindSchema,
  SavedReplySchema,
} from '../model/crm.js';
import { ClientIdSchema, IdSchema, SeqSchema, TimestampSchema } from '../model/ids.js';
import {
  AttachmentIdsSchema,
  hasWordsOrFiles,
  MessageBodySchema,
  MessageCaptionSchema,
  MessageSchema,
  WORDS_OR_FILES,
} from '../model/message.js';
import { ErrorCode } from '../protocol/constants.js';
import { unknownVariables, unknownVariablesMessage } from '../saved-replies/variables.js';
import { LeadDataSchema } from '../model/lead.js';
import { LocaleSchema, StoredPlaybookSchema } from '../model/playbook.js';
import { OriginSchema, SiteSchema } from '../model/site.js';

const errorCodes = Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]];

/** Every 4xx/5xx body. `details` carries field-level validation issues. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const LoginBodySchema = z.object({
  email: EmailSchema,
  password: z.string('Enter your password.').min(1, 'Enter your password.').max(200),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const AgentBodySchema = z.object({ agent: AgentSchema });
export const AgentListBodySchema = z.object({ agents: z.array(AgentSchema) });

/** Without a password the agent is invited: the answer carries an invite link for them to choose one. */
export const CreateAgentBodySchema = z.object({
  name: PersonNameSchema,
  email: EmailSchema,
  role: RoleSchema,
  password: PasswordSchema.optional(),
});
export type CreateAgentBody = z.infer<typeof CreateAgentBodySchema>;

/** A sign-up link for an invited agent; only its holder can use it, once, before it expires. */
export const InviteLinkSchema = z.object({ url: z.string(), expiresAt: TimestampSchema });
export type InviteLink = z.infer<typeof InviteLinkSchema>;

export const CreateAgentResponseSchema = z.object({
  agent: AgentSchema,
  invite: InviteLinkSchema.optional(),
});
export const InviteLinkBodySchema = z.object({ invite: InviteLinkSchema });

export const InviteTokenParamsSchema = z.object({ token: z.string().min(16).max(128) });
/** What the invite page shows before the agent picks a password. */
export const InviteInfoBodySchema = z.object({
  name: z.string(),
  email: z.string(),
  expiresAt: TimestampSchema,
});
export type InviteInfo = z.infer<typeof InviteInfoBodySchema>;
export const AcceptInviteBodySchema = z.object({ password: PasswordSchema });

/** The signed-in agent's own profile ("Profile" page). */
export const UpdateProfileBodySchema = z
  // language: null goes back to the browser's language.
  .object({ name: PersonNameSchema, language: DashboardLanguageSchema.nullable() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'There is nothing to change.');
export type UpdateProfileBody = z.infer<typeof UpdateProfileBodySchema>;

/** A password change by the agent: ends every other session of theirs (and closes their sockets). */
export const ChangePasswordBodySchema = z.object({
  currentPassword: z.string('Enter your current password.').min(1, 'Enter your current password.').max(200),
  newPassword: PasswordSchema,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

/** The agent's picture, sent as the raw request body of PUT /api/me/avatar (the server sniffs its bytes). */
export const AvatarBodySchema = z.custom<Blob>((v) => v instanceof Blob, 'Choose an image.');
/** The largest picture the server takes, in bytes. */
export const AVATAR_MAX_BYTES = 512 * 1024;

export const UpdateAgentBodySchema = z
  .object({ name: PersonNameSchema, role: RoleSchema, active: z.boolean(), password: PasswordSchema })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'There is nothing to change.');
export type UpdateAgentBody = z.infer<typeof UpdateAgentBodySchema>;

export const IdParamsSchema = z.object({ id: IdSchema });

export const ConversationListBodySchema = z.object({ conversations: z.array(ConversationSchema) });
export const ConversationBodySchema = z.object({ conversation: ConversationSchema });

export const MessageListQuerySchema = z.object({
  afterSeq: z.coerce.number().pipe(SeqSchema).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const MessageListBodySchema = z.object({ messages: z.array(MessageSchema) });

export const PostMessageBodySchema = z
  .object({
    clientId: ClientIdSchema,
    body: MessageCaptionSchema,
    attachments: AttachmentIdsSchema.optional(),
  })
  .refine(hasWordsOrFiles, WORDS_OR_FILES);
export const MessageBodyResponseSchema = z.object({ message: MessageSchema });

export const HealthBodySchema = z.object({ ok: z.literal(true), version: z.number() });

// --- Sites, playbooks, presence, assignment, lead data ---

export const SiteBodySchema = z.object({ site: SiteSchema });
export const SiteListBodySchema = z.object({ sites: z.array(SiteSchema) });
/** The embed page edits where the widget may run. */
export const UpdateSiteBodySchema = z
  .object({
    name: z.string().trim().min(1, 'Enter a name.').max(100),
    allowedOrigins: z.array(OriginSchema).max(50, 'Allow at most 50 origins.'),
    /** Agents (not only admins) see the Bot folder. */
    botFolderForAgents: z.boolean(),
    /** Agents may reopen the site's closed chats. */
    allowReopen: z.boolean(),
    /** Agents see the visitor's draft while they type (the widget tells the visitor). */
    typingPreview: z.boolean(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'There is nothing to change.');
export type UpdateSiteBody = z.infer<typeof UpdateSiteBodySchema>;

export const PlaybookBodySchema = z.object({ playbook: StoredPlaybookSchema });

/** The "Available" switch of the signed-in agent. */
export const AvailabilityBodySchema = z.object({ available: z.boolean() });

/** Public, for the widget's launcher before the chat is opened: is anyone there, and the site's language. */
export const WidgetStatusBodySchema = z.object({
  online: z.boolean(),
  locale: LocaleSchema,
  /**
   * Agents' and the bot's messages in the visitor's open chat since their widget last connected (e.g. one an agent
   * started while they were away): only when the request carries the visitor's Bearer token. Above 0, the launcher
   * loads the chat, which replays them and badges itself with those it has not shown.
   */
  unread: z.number().int().min(0).optional(),
});
export type WidgetStatus = z.infer<typeof WidgetStatusBodySchema>;
export const SiteKeyParamsSchema = z.object({ siteKey: z.string().min(1).max(100) });

export const LeadDataBodySchema = z.object({ lead: LeadDataSchema });

// --- The inbox: folders, search, assignment, closing, the side panel, leads and deals, notes, tags ---

/** `bot`: open conversations only the bot has handled so far (admins; agents too where the site allows). */
/** `teams`: open conversations waiting in the queues of the viewer's teams ("My teams"). */
export const FolderSchema = z.enum(['unassigned', 'mine', 'teams', 'all', 'bot', 'closed']);
export type Folder = z.infer<typeof FolderSchema>;

/**
 * Filters of the conversation list (the rules: `matchesQuery` in @livechat/shared/inbox). `folder` picks the folder
 * (`all` is for admins, `bot` for admins and, where the site allows, agents; others get 403). `q` matches a
 * conversation number ("12" or "#12") or the contact's name or email, and searches every conversation the agent may
 * see, whatever the folder. Every other filter narrows the list: a `status` the folder excludes (closed inside
 * Unassigned) lists nothing; an `assigneeId` of a colleague lists nothing for an agent, who cannot see those chats;
 * `from`/`to` bound the last activity (epoch ms: the last message, or the last change such as an assignment). The
 * filters of conversation-filters.ts (channel, team, type, tag, contact attribute, created) narrow it too.
 */
export const ConversationSearchQuerySchema = z
  .object({
    folder: FolderSchema.optional(),
    status: ConversationStatusSchema.optional(),
    q: z.string().trim().max(100).optional(),
    /** An agent's id, or "none" for unassigned. */
    assigneeId: z.union([IdSchema, z.literal('none')]).optional(),
    from: z.coerce.number().pipe(TimestampSchema).optional(),
    to: z.coerce.number().pipe(TimestampSchema).optional(),
    /** Another conversation's visitor: their earlier conversations. */
    visitorId: IdSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
    ...conversationFilterFields,
  })
  .superRefine(checkFilterRanges);
export type ConversationSearchQuery = z.infer<typeof ConversationSearchQuerySchema>;

/** Live folder counts; `all` is null for agents who are not admins. */
export const FolderCountsBodySchema = z.object({
  counts: z.object({
    unassigned: z.number().int(),
    mine: z.number().int(),
    /** Waiting in the queues of the viewer's teams (0 for someone in no team). */
    teams: z.number().int(),
    all: z.number().int().nullable(),
    /** Null for agents when the site does not show them the Bot folder. */
    bot: z.number().int().nullable(),
    closed: z.number().int(),
    /** The viewer's teams: the queues whose chats are in My teams (the dashboard files live changes by them). */
    teamIds: z.array(IdSchema).default([]),
  }),
});
export type FolderCounts = z.infer<typeof FolderCountsBodySchema>['counts'];

/**
 * The "Assignee" combobox: `assigneeId` gives the conversation to an active agent (null: back to everyone's
 * Unassigned); `teamId` puts it in a team's queue instead, where the team's routing applies. One of the two.
 */
export const AssigneeBodySchema = z
  .object({ assigneeId: IdSchema.nullable().optional(), teamId: IdSchema.optional() })
  .refine((b) => (b.assigneeId === undefined) !== (b.teamId === undefined), {
    message: 'Choose an agent or a team.',
    path: ['assigneeId'],
  });
export type AssigneeBody = z.infer<typeof AssigneeBodySchema>;

export const DetailsBodySchema = z.object({ details: ConversationDetailsSchema });

/** Shown beside "Deal value" when "Create deal" is clicked without one. */
export const DEAL_NEEDS_VALUE = 'Enter the deal value to create a deal.';

/** "Create lead" / "Create deal": the side panel as it is now (saved too) and, for a deal, its title. */
export const CreateRecordBodySchema = z
  .object({
    kind: RecordKindSchema,
    title: z.string().trim().max(200).optional(),
    details: ConversationDetailsSchema,
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'deal' && !b.details.dealValue)
      ctx.addIssue({ code: 'custom', path: ['details', 'dealValue'], message: DEAL_NEEDS_VALUE });
  });
export type CreateRecordBody = z.infer<typeof CreateRecordBodySchema>;
export const RecordBodySchema = z.object({ record: CrmRecordSchema });
export const RecordListBodySchema = z.object({ records: z.array(CrmRecordSchema) });
export const RecordListQuerySchema = z.object({ kind: RecordKindSchema.optional() });

export const ActivityListBodySchema = z.object({ activities: z.array(ActivitySchema) });
export const ActivityBodySchema = z.object({ activity: ActivitySchema });
export const NoteBodySchema = z.object({ body: z.string().trim().min(1, 'Write a note first.').max(5000) });

export const TagsBodySchema = z.object({ tags: z.array(TagSchema).max(20) });

export const SavedReplyInputSchema = z.object({
  /** Typed after "/" to find it: lowercase letters, digits and "-". A "/" typed before it is dropped ("/price"). */
  shortcut: z
    .string('Enter a shortcut.')
    .trim()
    .overwrite((s) => s.replace(/^\/+\s*/, ''))
    .toLowerCase()
    .min(1, { message: 'Enter a shortcut.', abort: true })
    .max(32, 'Use at most 32 characters.')
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lowercase letters, digits and "-", starting with a letter or digit.'),
  body: MessageBodySchema.superRefine((body, ctx) => {
    const unknown = unknownVariables(body);
    if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: unknownVariablesMessage(unknown) });
  }),
  /** "Only me": the agent's own reply. Any agent may keep them; the team's (false) are for admins to add. */
  personal: z.boolean().default(false),
});
export const SavedReplyListBodySchema = z.object({ replies: z.array(SavedReplySchema) });
export const SavedReplyBodySchema = z.object({ reply: SavedReplySchema });

/** Every active agent, for the "Assignee" combobox (any signed-in agent may read it). */
export const ColleagueListBodySchema = z.object({
  agents: z.array(z.object({ id: IdSchema, name: z.string(), available: z.boolean() })),
});

export const NotificationSettingsBodySchema = z.object({ settings: NotificationSettingsSchema });

// --- Outbound webhooks (admins) ---

export const WEBHOOK_EVENTS = ['lead.created', 'deal.created', 'conversation.closed'] as const;
export const WebhookEventSchema = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;

export const WebhookSchema = z.object({
  id: IdSchema,
  url: z.string(),
  events: z.array(WebhookEventSchema),
  active: z.boolean(),
  createdAt: TimestampSchema,
});
export type Webhook = z.infer<typeof WebhookSchema>;

const WebhookUrlSchema = z
  .string('Enter the endpoint URL.')
  .trim()
  .min(1, 'Enter the endpoint URL.')
  .pipe(
    z
      .url({
        protocol: /^https?$/,
        error: 'Enter the full address of your endpoint, starting with https:// or http://.',
      })
      .max(2000, 'Use at most 2000 characters.'),
  );
const WebhookEventsSchema = z.array(WebhookEventSchema).min(1, 'Choose at least one event.');

export const CreateWebhookBodySchema = z.object({ url: WebhookUrlSchema, events: WebhookEventsSchema });
export const UpdateWebhookBodySchema = z
  .object({ url: WebhookUrlSchema, events: WebhookEventsSchema, active: z.boolean() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'There is nothing to change.');
/** The signing secret is shown once, when the webhook is created. */
export const CreatedWebhookBodySchema = z.object({ webhook: WebhookSchema, secret: z.string() });
export const WebhookBodySchema = z.object({ webhook: WebhookSchema });
export const WebhookListBodySchema = z.object({ webhooks: z.array(WebhookSchema) });

export const WebhookDeliverySchema = z.object({
  id: IdSchema,
  webhookId: IdSchema,
  event: WebhookEventSchema,
  status: z.enum(['pending', 'succeeded', 'failed']),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  deliveredAt: TimestampSchema.nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;
export const WebhookDeliveryListBodySchema = z.object({ deliveries: z.array(WebhookDeliverySchema) });
export const WebhookDeliveryBodySchema = z.object({ delivery: WebhookDeliverySchema });

// --- Bodies the server once declared inline: declared here so the dashboard sends and reads the same shapes ---

/** A saved reply's changes (admins for the team's, the owner for a personal one); who sees it stays as it was. */
export const UpdateSavedReplyBodySchema = SavedReplyInputSchema.omit({ personal: true })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'There is nothing to change.');

/** Every active agent, for the "Assignee" combobox. */
export type Colleague = z.infer<typeof ColleagueListBodySchema>['agents'][number];
