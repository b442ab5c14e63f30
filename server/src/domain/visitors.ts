// Sites and their visitors: which origins may embed a site key, and the token that identifies a returning visitor.
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { Site } from '@livechat/shared/model';
import type { Store, Visitor } from './store.js';
import { DomainError } from './errors.js';
import { hashToken, newId, newToken } from './tokens.js';

export function createVisitorService(store: Store, now: () => number) {
  return {
    siteByKey: (key: string): Promise<Site | null> => store.sites.byKey(key),

    isOriginAllowed: (site: Site, origin: string | undefined): boolean =>
      origin !== undefined && site.allowedOrigins.includes(origin.toLowerCase()),

    /**
     * The visitor a token belongs to on this site (read only: fetching a file is not a visit), or null: the identified
     * contact the token's device acts for since its last verified hello (identity.ts), else the device's own visitor.
     */
    ofToken: async (siteId: string, token: string): Promise<Visitor | null> =>
      (await store.identity.linked(hashToken(token), siteId, now())) ??
      store.visitors.byToken(hashToken(token), siteId),

    /**
     * The visitor a token belongs to on this site, or a new visitor with a fresh token when none is given.
     * A token of another site, or an unknown one, is refused rather than silently replaced.
     */
    async identify(
      site: Site,
      token: string | undefined,
    ): Promise<{ visitor: Visitor; issuedToken?: string }> {
      if (token) {
        const visitor = await store.visitors.byToken(hashToken(token), site.id);
        if (!visitor) throw new DomainError(ErrorCode.Unauthorized, 'Unknown visitor token.');
        await store.visitors.touch(visitor.id, now());
        return { visitor };
      }
      const issuedToken = newToken();
      const visitor: Visitor = { id: newId(), siteId: site.id, name: visitorName(), createdAt: now() };
      await store.visitors.insert(visitor, hashToken(issuedToken));
      return { visitor, issuedToken };
    },
  };
}
export type VisitorService = ReturnType<typeof createVisitorService>;

/** A friendly placeholder until the visitor gives a name: "Visitor 4821". */
function visitorName(): string {
  return `Visitor ${1000 + Math.floor(Math.random() * 9000)}`;
}
