// The domain: business rules over the store. No fastify, ws or sqlite imports here.
import type { Store } from '../store/index.js';
import { createAuthService } from './auth.js';
import { createChatService } from './chat.js';
import { createEventBus } from './events.js';
import { createTeamService } from './team.js';
import { createVisitorService } from './visitors.js';

export function createDomain(store: Store, now: () => number = Date.now) {
  const events = createEventBus();
  return {
    events,
    auth: createAuthService(store, now),
    team: createTeamService(store, events, now),
    visitors: createVisitorService(store, now),
    chat: createChatService(store, events, now),
  };
}
export type Domain = ReturnType<typeof createDomain>;

export { DomainError } from './errors.js';
export type { DomainEvent } from './events.js';
export { seed, DEMO_SITE_KEY } from './seed.js';
