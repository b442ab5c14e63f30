// The domain: business rules over the store. No fastify, ws or sqlite imports here.
import { isTransientConflict, type Store } from './store.js';
import { createAssignmentService, createJoinChat } from './assignment.js';
import { createRouting } from './routing.js';
import { createAuthService } from './auth.js';
import { createChatService } from './chat.js';
import { createEventBus } from './events.js';
import { createInviteService } from './invites.js';
import { captureBotLead, createLeadService } from './leads.js';
import { createPlaybookRunner } from './playbook/runner.js';
import { createPresence, type ConnectedAgents } from './presence.js';
import { createSiteService } from './sites.js';
import { createTeamService } from './team.js';
import { createTimeline } from './timeline.js';
import { createVisitorService } from './visitors.js';
import { createVisitorUnread } from './visitor-unread.js';
import { createVisitorHistory } from './visitor-history.js';
import { createWriteBatcher } from './write-batcher.js';
import { createWebhookService } from './webhooks/index.js';
import { createInboxService } from './inbox.js';
import { createClosingService } from './closing.js';
import { createClosingMessageService } from './closing-messages.js';
import { createBusinessHoursService } from './business-hours/index.js';
import { createCrmService } from './crm.js';
import { createAnnotationService } from './annotations.js';
import { createSavedReplyService } from './saved-replies.js';
import { createTeamsService } from './teams.js';
import { createAgentSettingsService } from './agent-settings.js';
import { createProfileService } from './profile.js';
import { publicAgent } from './agents.js';
import type { Conversation } from '@livechat/shared/model';
import { whoCanSee } from './access.js';
import { createSms, type SmsOptions } from './sms/index.js';
import { createContactService } from './contacts.js';
import { createFiles } from './media/files.js';
import type { BlobStore } from './media/blob-store.js';
import { createErasureService } from './erasure.js';
import { createContactProfileService } from './contact-profiles.js';
import { createContactMergeService } from './contact-merge.js';
import { createContactExport } from './contact-export.js';
import { createInstallationService } from './installation.js';
import { createReceipts } from './receipts/index.js';
import { createVisitorContextService } from './visitor-context/index.js';
import { createIdentityService } from './identity.js';

export interface DomainOptions {
  now?: () => number;
  /** Failures of background work (a wait timer firing), which has no caller to tell. */
  onError?: (err: unknown) => void;
  /** Let webhooks call loopback and private-network addresses (local development, tests). */
  webhooksAllowPrivateNetworks?: boolean;
  /** Dashboards connected on other nodes too (several nodes); default: this process only. */
  connectedAgents?: ConnectedAgents;
  /** Detail for the debug log (why a webhook attempt failed: errno, address, port). */
  onDebug?: (detail: Record<string, unknown>, message: string) => void;
  /** Texts: the provider account from the environment, the public URL webhooks are signed for. Default: no provider. */
  sms?: SmsOptions;
  /** Where files' bytes live (the disk for one node, a shared store for several). Default: memory (tests). */
  blobs?: BlobStore;
}

/** Bytes in this process's memory: for tests that build a domain without a blob store. */
function memoryBlobs(): BlobStore {
  const bytes = new Map<string, Buffer>();
  return {
    put: async (key, value) => void bytes.set(key, Buffer.from(value)),
    get: async (key) => bytes.get(key) ?? null,
    delete: async (key) => void bytes.delete(key),
  };
}

const NO_SMS_PROVIDER: SmsOptions = {
  publicUrl: 'http://localhost',
  accountFromEnvironment: null,
  makeProvider: () => {
    throw new Error('This setup has no SMS provider.');
  },
};

export function createDomain(
  store: Store,
  {
    now = Date.now,
    onError = () => {},
    onDebug,
    webhooksAllowPrivateNetworks = false,
    connectedAgents,
    sms: smsOptions = NO_SMS_PROVIDER,
    blobs = memoryBlobs(),
  }: DomainOptions = {},
) {
  const files = createFiles(store, blobs, now);
  const events = createEventBus();
  const writes = createWriteBatcher(store, {
    lanes: store.concurrentWriters,
    isTransient: isTransientConflict,
  });
  const timeline = createTimeline(store, writes, events, now);
  const presence = createPresence(store, events, connectedAgents);
  const businessHours = createBusinessHoursService(store, now);
  const playbooks = createPlaybookRunner({
    store,
    timeline,
    // Outside the site's business hours nobody takes chats. Inside them, a card that routes to a team waits only
    // when one of its members can take the chat.
    agentsAvailable: async (teamId, siteId, at) =>
      (await businessHours.isOpen(siteId, at)) &&
      (teamId === null
        ? presence.anyAvailable()
        : (await store.teams.memberIds(teamId)).some(presence.isAgentAvailable)),
    awayNotice: (siteId, at, locale) => businessHours.closedNotice(siteId, at, locale),
    now,
    onError,
    onLeadCaptured: (unit, conversation, botName) =>
      captureBotLead(store, webhooks, unit, conversation, botName),
    onQueuedToTeam: (unit, conversation) => routing.queued(unit, conversation),
  });
  const routing = createRouting({
    store,
    timeline,
    events,
    isAgentAvailable: presence.isAgentAvailable,
    joinChat: createJoinChat(store, playbooks),
    onError,
  });
  const webhooks = createWebhookService(store, {
    now,
    onError,
    allowPrivateNetworks: webhooksAllowPrivateNetworks,
    ...(onDebug && { onDebug }),
  });
  const sms = createSms(
    store,
    timeline,
    events,
    now,
    onError,
    { allowPrivateNetworks: webhooksAllowPrivateNetworks, ...smsOptions },
    files,
    routing,
    onDebug,
  );
  const auth = createAuthService(store, events, now);
  const invites = createInviteService(store, auth, now);
  const closingMessages = createClosingMessageService(store, now);
  return {
    /** The domain's clock (epoch ms). */
    now,
    events,
    /** The group-commit queue of message writes; drain it before closing the store. */
    writes,
    auth,
    invites,
    presence,
    /** The running playbooks: call `resume()` once at start, `stop()` at shutdown. */
    playbooks,
    team: createTeamService(store, events, invites, now, timeline),
    visitors: createVisitorService(store, now),
    visitorUnread: createVisitorUnread(store),
    /** What a visitor's widget replays: their recent conversations, or the rest after a resume. */
    visitorHistory: createVisitorHistory(store),
    sites: createSiteService(store, now),
    chat: createChatService(store, timeline, playbooks, sms.channel, files, routing),
    /** Files in conversations: uploads, serving, the Gallery, sites' rules (`files.ready()` once at start). */
    files,
    /** Texts: settings, the provider's webhooks, the outbox (`sms.outbox.start()` once, `stop()` at shutdown). */
    sms,
    contacts: createContactService(store, timeline, sms.channel, now, createJoinChat(store, playbooks)),
    /** Admins delete a conversation or a contact for good (GDPR erasure). */
    erasure: createErasureService(store, events, {
      deleteFileBytes: (ids) => files.deleteBytes(ids),
      onError,
      now,
    }),
    /** Contacts as the CRM view of a person: details, attributes, tags, notes, duplicates. */
    contactProfiles: createContactProfileService(store, now),
    /** Admins merge a duplicate contact into another. */
    contactMerge: createContactMergeService(store, timeline, events),
    /** Admins export everything stored about a contact. */
    contactExport: createContactExport(store, blobs, now),
    assignment: createAssignmentService(store, timeline, playbooks, routing),
    /** Team queues and automatic assignment (`routing.start()` once at start, `stop()` at shutdown). */
    routing,
    leads: createLeadService(store),
    /** Outbound webhooks: `start()` once at start, `stop()` at shutdown. */
    webhooks,
    inbox: createInboxService(store),
    /** Closing messages admins keep per site (a few built in, in the site's language). */
    closingMessages,
    /** Each site's business hours (outside them the Live Chat card goes straight to the offline flow). */
    businessHours,
    closing: createClosingService(
      store,
      timeline,
      playbooks,
      webhooks,
      sms.channel,
      closingMessages,
      routing,
    ),
    crm: createCrmService(store, timeline, webhooks),
    /** Where each site's widget was last seen loading (installation status). */
    installation: createInstallationService(store, now),
    /** Typing indicators (relayed, never stored), seen receipts and agents' unread counts. */
    receipts: createReceipts(store, events, now),
    /** Where each conversation's visitor is on the site and what they browse with (the side panel's "Visitor"). */
    visitorContext: createVisitorContextService(store, events, now),
    /** Identified visitors: each site's identity secret, and who a hello's verified identity makes the visitor. */
    identity: createIdentityService(store, now),
    annotations: createAnnotationService(store, timeline),
    savedReplies: createSavedReplyService(store, now),
    /** Work groups of agents (admins manage them). */
    teams: createTeamsService(store, now, (teamId) => void routing.work(teamId).catch(onError)),
    settings: createAgentSettingsService(store),
    /** The signed-in agent's own name, picture and password. */
    profile: createProfileService(store, events, auth, now),
    /**
     * Which agents may see the conversation, for fanning out its live events (the rule: access.ts). Resolves with one
     * test per agent; the site's setting is read once, and only for a bot-only conversation.
     */
    whoCanSee: (conversation: Conversation) => whoCanSee(conversation, store),
    /** Every active agent with whether they are available now, for the Assignee combobox. */
    colleagues: async () =>
      (await store.agents.all())
        .map(publicAgent)
        .filter((a) => a.active && !a.invited)
        .map((a) => ({ id: a.id, name: a.name, available: presence.isAgentAvailable(a.id) })),
  };
}
export type Domain = ReturnType<typeof createDomain>;

export { DomainError } from './errors.js';
export type { DomainEvent, EventBus } from './events.js';
export type { ConnectedAgents } from './presence.js';
export { seed, DEMO_SITE_KEY } from './seed.js';
