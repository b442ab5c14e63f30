// HTTP API request and response bodies. The server validates with these and generates its OpenAPI document from them.
import { z } from 'zod';
import { AgentSchema, EmailSchema, PasswordSchema, PersonNameSchema, RoleSchema } from '../model/agent.js';
import { ConversationSchema, ConversationStatusSchema } from '../model/conversation.js';
import { ClientIdSchema, IdSchema, SeqSchema, TimestampSchema } from '../model/ids.js';
import { MessageBodySchema, MessageSchema } from '../model/message.js';
import { ErrorCode } from '../protocol/constants.js';
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

export const LoginBodySchema = z.object({ email: EmailSchema, password: z.string().min(1).max(200) });
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

export const UpdateAgentBodySchema = z
  .object({ name: PersonNameSchema, role: RoleSchema, active: z.boolean(), password: PasswordSchema })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type UpdateAgentBody = z.infer<typeof UpdateAgentBodySchema>;

export const IdParamsSchema = z.object({ id: IdSchema });

export const ConversationListQuerySchema = z.object({
  status: ConversationStatusSchema.optional(),
});
export const ConversationListBodySchema = z.object({ conversations: z.array(ConversationSchema) });
export const ConversationBodySchema = z.object({ conversation: ConversationSchema });

export const MessageListQuerySchema = z.object({
  afterSeq: z.coerce.number().pipe(SeqSchema).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const MessageListBodySchema = z.object({ messages: z.array(MessageSchema) });

export const PostMessageBodySchema = z.object({ clientId: ClientIdSchema, body: MessageBodySchema });
export const MessageBodyResponseSchema = z.object({ message: MessageSchema });

export const HealthBodySchema = z.object({ ok: z.literal(true), version: z.number() });

// --- Sites, playbooks, presence, assignment, lead data ---

export const SiteBodySchema = z.object({ site: SiteSchema });
export const SiteListBodySchema = z.object({ sites: z.array(SiteSchema) });
/** The embed page edits where the widget may run. */
export const UpdateSiteBodySchema = z
  .object({ name: z.string().trim().min(1).max(100), allowedOrigins: z.array(OriginSchema).max(50) })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type UpdateSiteBody = z.infer<typeof UpdateSiteBodySchema>;

export const PlaybookBodySchema = z.object({ playbook: StoredPlaybookSchema });

/** The "Available" switch of the signed-in agent. */
export const AvailabilityBodySchema = z.object({ available: z.boolean() });

/** Public, for the widget's launcher before the chat is opened: is anyone there, and the site's language. */
export const WidgetStatusBodySchema = z.object({ online: z.boolean(), locale: LocaleSchema });
export type WidgetStatus = z.infer<typeof WidgetStatusBodySchema>;
export const SiteKeyParamsSchema = z.object({ siteKey: z.string().min(1).max(100) });

export const LeadDataBodySchema = z.object({ lead: LeadDataSchema });
