// buildApp(config): the whole server as a Fastify instance that tests drive with inject/injectWS; main.ts only listens.
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyWebsocket from '@fastify/websocket';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { LIMITS } from '@livechat/shared/protocol/constants';
import { databaseOf, type AppConfig } from './config.js';
import { createDomain, seed, type Domain } from './domain/index.js';
import { openStore, startCheckpointer, type EngineSql } from './store/index.js';
import type { Store } from './domain/store.js';
import { authRoutes } from './http/auth-routes.js';
import { healthRoutes } from './http/health-routes.js';
import { conversationRoutes } from './http/conversation-routes.js';
import { registerDocs } from './http/docs.js';
import { registerErrorHandling } from './http/errors.js';
import { registerOriginCheck } from './http/origin-check.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerWellFormedBodies } from './http/well-formed.js';
import { closingMessageRoutes } from './http/closing-message-routes.js';
import { businessHoursRoutes } from './http/business-hours-routes.js';
import { installationRoutes } from './http/installation-routes.js';
import { receiptRoutes } from './http/receipt-routes.js';
import { visitorContextRoutes } from './http/visitor-context-routes.js';
import { identityRoutes } from './http/identity-routes.js';
import { registerStaticRoutes } from './http/static-routes.js';
import { teamRoutes } from './http/team-routes.js';
import { inviteRoutes } from './http/invite-routes.js';
import { meRoutes } from './http/me-routes.js';
import { avatarRoutes } from './http/avatar-routes.js';
import { siteRoutes } from './http/site-routes.js';
import { widgetRoutes } from './http/widget-routes.js';
import { webhookRoutes } from './http/webhook-routes.js';
import { assignmentRoutes } from './http/assignment-routes.js';
import { conversationCrmRoutes } from './http/crm-routes.js';
import { annotationRoutes } from './http/annotation-routes.js';
import { recordRoutes } from './http/records-routes.js';
import { savedReplyRoutes } from './http/saved-reply-routes.js';
import { colleagueRoutes } from './http/colleague-routes.js';
import { teamsRoutes } from './http/teams-routes.js';
import { registerAgentGateway } from './ws/agent-gateway.js';
import { createHub } from './ws/hub.js';
import { registerVisitorGateway } from './ws/visitor-gateway.js';
import { closeAllSockets } from './ws/shutdown.js';
import { joinCluster } from './cluster/index.js';
import { createTwilioProvider } from './sms/twilio/index.js';
import { smsWebhookRoutes } from './http/sms-webhook-routes.js';
import { smsRoutes } from './http/sms-routes.js';
import { contactRoutes } from './http/contact-routes.js';
import { contactProfileRoutes } from './http/contact-profile-routes.js';
import { erasureRoutes } from './http/erasure-routes.js';
import {
  agentUploadRoutes,
  fileServeRoutes,
  galleryRoutes,
  siteFileRoutes,
  visitorUploadRoutes,
} from './http/file-routes.js';
import { createDatabaseBlobs } from './store/blobs/database-blobs.js';
import { createDiskBlobs } from './store/blobs/disk-blobs.js';
import { localKeyedLimit } from './ws/token-bucket.js';

/** Uploads a visitor (and an IP) may make: a burst of 20 files, then one every 5 s (every 2 s per IP). */
const UPLOAD_RATE = { perVisitor: { perSecond: 0.2, burst: 20 }, perIp: { perSecond: 0.5, burst: 40 } };
/** How often unsent uploads older than a day are swept. */
const SWEEP_INTERVAL_MS = 3600_000;

export interface BuildOptions {
  now?: () => number;
}

declare module 'fastify' {
  interface FastifyInstance {
    domain: Domain;
    store: Store;
    /** The database engine under the store (tests read what only one engine has, e.g. SQLite's integrity check). */
    sql: EngineSql;
    /** Set on the first start of an empty database when the admin password was generated. */
    firstRun: { adminEmail?: string; generatedPassword?: string };
  }
}

export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const now = options.now ?? Date.now;
  // Attachments' URLs are signed whenever a message is read (they expire).
  const { store, sql } = await openStore(databaseOf(config), (id) => domain.files.viewerUrl(id));
  const fileStore = config.fileStore ?? { kind: 'database' };
  // Several nodes: events, presence and limits go through Redis (REDIS_URL); one node keeps them in memory.
  const cluster = config.redisUrl
    ? joinCluster(config.redisUrl, {
        // Nodes on one database are one deployment (tests give each app a schema of its own).
        namespace: `livechat:${config.databaseUrl ? new URL(config.databaseUrl).pathname.slice(1) : 'sqlite'}:${config.databaseSchema ?? 'public'}`,
        onPresenceChange: () => void domain.presence.refresh(),
        onError: (err) => app.log.warn({ err }, 'redis unavailable'),
      })
    : null;
  const domain = createDomain(store, {
    now,
    ...(cluster && { connectedAgents: cluster.connectedAgents }),
    // Referenced only when a timer fires, after `app` exists.
    onError: (err) => app.log.error({ err }, 'background task failed'),
    onDebug: (detail, message) => app.log.debug(detail, message),
    webhooksAllowPrivateNetworks: config.webhooksAllowPrivateNetworks,
    blobs: fileStore.kind === 'disk' ? createDiskBlobs(fileStore.dir) : createDatabaseBlobs(sql),
    sms: {
      publicUrl: config.publicUrl,
      accountFromEnvironment: config.twilio,
      makeProvider: ({ accountSid, authToken, apiBaseUrl }) =>
        createTwilioProvider({ accountSid, authToken, apiBase: apiBaseUrl }),
      ...(config.smsOutbox && { outbox: config.smsOutbox }),
    },
  });
  const firstRun = await seed(store, {
    adminEmail: config.admin.email,
    adminPassword: config.admin.password,
    demoOrigins: config.demoOrigins,
    now: now(),
  });

  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    bodyLimit: 64 * 1024,
    trustProxy: config.trustProxy,
    // Slow or endless requests are cut off (header floods, slowloris).
    routerOptions: { maxParamLength: 200 },
    requestTimeout: 30_000,
  });
  app.decorate('domain', domain);
  app.decorate('store', store);
  app.decorate<EngineSql>('sql', sql);
  app.decorate('firstRun', firstRun);
  app.decorateRequest('agent', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  // First, so every answer carries them, a refusal by the hooks below included.
  await registerSecurityHeaders(app, config.publicUrl, config.dashboardOrigins);
  registerOriginCheck(app, config.dashboardOrigins);
  registerWellFormedBodies(app);

  await app.register(fastifyCookie);
  // Shared by the nodes through Redis; while Redis is away requests are let through rather than refused.
  await app.register(fastifyRateLimit, {
    global: false,
    ...(cluster && { redis: cluster.limits, nameSpace: cluster.limitPrefix, skipOnError: true }),
  });
  const hub = createHub(domain, config.agentTimeoutMs);
  await app.register(fastifyWebsocket, {
    options: { maxPayload: LIMITS.maxFrameBytes },
    // Graceful shutdown: tell every client we are going away, so it reconnects with backoff and resumes.
    preClose(done) {
      hub.stop();
      closeAllSockets(app.websocketServer.clients, config.shutdownGraceMs / 2).then(
        () => done(),
        (err: Error) => done(err),
      );
    },
  });
  await registerDocs(app, config.publicUrl);

  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  await app.register(
    healthRoutes({
      database: async () => void (await sql.value('SELECT 1')),
      ...(cluster && { redis: cluster.ping }),
      closing: () => closing,
    }),
    { prefix: '/api' },
  );
  await app.register(authRoutes(domain, config.publicUrl), { prefix: '/api/auth' });
  await app.register(conversationRoutes(domain), { prefix: '/api/conversations' });
  await app.register(visitorContextRoutes(domain), { prefix: '/api/conversations' });
  await app.register(assignmentRoutes(domain), { prefix: '/api/conversations' });
  await app.register(conversationCrmRoutes(domain), { prefix: '/api/conversations' });
  await app.register(annotationRoutes(domain), { prefix: '/api/conversations' });
  await app.register(recordRoutes(domain), { prefix: '/api' });
  await app.register(receiptRoutes(domain), { prefix: '/api' });
  await app.register(savedReplyRoutes(domain), { prefix: '/api/saved-replies' });
  await app.register(colleagueRoutes(domain), { prefix: '/api/colleagues' });
  await app.register(teamsRoutes(domain), { prefix: '/api/teams' });
  await app.register(teamRoutes(domain, config.publicUrl), { prefix: '/api/agents' });
  await app.register(inviteRoutes(domain, config.publicUrl), { prefix: '/api/invites' });
  await app.register(siteRoutes(domain), { prefix: '/api/sites' });
  await app.register(meRoutes(domain), { prefix: '/api/me' });
  await app.register(avatarRoutes(domain), { prefix: '/api' });
  await app.register(widgetRoutes(domain), { prefix: '/api/widget' });
  await app.register(webhookRoutes(domain), { prefix: '/api/webhooks' });
  await app.register(smsRoutes(domain), { prefix: '/api' });
  await app.register(contactRoutes(domain), { prefix: '/api' });
  await app.register(contactProfileRoutes(domain), { prefix: '/api' });
  const uploadRate = config.uploadRate ?? UPLOAD_RATE;
  const uploadLimit = (name: string, rate: (typeof uploadRate)['perIp']) =>
    cluster ? cluster.keyedLimit(name, rate) : localKeyedLimit(rate);
  await app.register(agentUploadRoutes(domain), { prefix: '/api/conversations' });
  await app.register(galleryRoutes(domain), { prefix: '/api/conversations' });
  await app.register(
    visitorUploadRoutes(domain, {
      perVisitor: uploadLimit('uploads-per-visitor', uploadRate.perVisitor),
      perIp: uploadLimit('uploads-per-ip', uploadRate.perIp),
    }),
    { prefix: '/api/widget' },
  );
  await app.register(fileServeRoutes(domain), { prefix: '/files' });
  await app.register(siteFileRoutes(domain), { prefix: '/api/sites' });
  await app.register(closingMessageRoutes(domain), { prefix: '/api/sites' });
  await app.register(businessHoursRoutes(domain), { prefix: '/api/sites' });
  await app.register(installationRoutes(domain), { prefix: '/api/sites' });
  await app.register(identityRoutes(domain), { prefix: '/api/sites' });
  await app.register(erasureRoutes(domain), { prefix: '/api' });
  await app.register(smsWebhookRoutes(domain, config.publicUrl), { prefix: '/webhooks/twilio' });
  registerVisitorGateway(
    app,
    domain,
    hub,
    config,
    cluster?.keyedLimit('new-visitors', config.newVisitorRate),
  );
  // Events from other nodes reach this node's sockets; when some may have been missed, clients resume by seq.
  await cluster?.relay(domain.events, () => hub.resync());
  registerAgentGateway(app, domain, hub, config.dashboardOrigins, config.frameRate);
  await registerStaticRoutes(app, config);

  const checkpointer =
    sql.engine !== 'sqlite' || sql.db.memory
      ? null
      : startCheckpointer(sql.db, {
          onError: (err) => app.log.warn({ err }, 'checkpoint worker failed; the writer checkpoints itself'),
        });
  // Waits that were pending when the server stopped fire now, or on time.
  await domain.files.ready();
  await domain.playbooks.resume();
  domain.webhooks.start();
  domain.sms.outbox.start();
  domain.routing.start();
  const sweeper = setInterval(() => {
    domain.files
      .sweepUnsent()
      .catch((err: unknown) => app.log.warn({ err }, 'sweeping unsent uploads failed'));
  }, SWEEP_INTERVAL_MS);
  sweeper.unref();
  app.addHook('onClose', async () => {
    clearInterval(sweeper);
    domain.playbooks.stop();
    domain.routing.stop();
    await domain.routing.idle();
    await domain.webhooks.stop();
    await domain.sms.outbox.stop();
    await domain.writes.drain();
    await checkpointer?.stop();
    await cluster?.stop();
    await store.close();
  });
  return app;
}
