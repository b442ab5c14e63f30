// The domain: business rules over the store. No fastify, ws or sqlite imports here.
import type { Store } from '../store/index.js';
import { createAuthService } from './auth.js';
import { createChatService } from './chat.js';
import { createEventBus } from './events.js';
import { createInviteService } from './invites.js';
import { createTeamService } from './team.js';
import { createVisitorService } from './visitors.js';
import { createWriteBatcher } from './write-batcher.js';

export function createDomain(store: Store, now: () => number = Date.now) {
  const events = createEventBus();
  const writes = createWriteBatcher(store);
  const auth = createAuthService(store, now);
  const invites = createInviteService(store, auth, now);
  return {
    events,
    /** The group-commit queue of message writes; drain it before closing the store. */
    writes,
    auth,
    invites,
    team: createTeamService(store, events, invites, now),
    visitors: createVisitorService(store, now),
    chat: createChatService(store, writes, events, now),
  };
}
export type Domain = ReturnType<typeof createDomain>;

export { DomainError } from './errors.js';
export type { DomainEvent } from './events.js';
export { seed, DEMO_SITE_KEY } from './seed.js';
