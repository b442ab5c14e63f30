// Identified visitors: the host page calls LiveChat('identify', { userId, email, name, expiresAt, signature }) with a
// signature its backend made with the site's identity secret. A verified identity makes the connection the contact of
// that user id (made on first sight), so their conversations follow them to every browser and device. Anything that
// does not verify (forged, expired, another site's, made with a rotated secret, malformed) is ignored: the visitor
// chats anonymously and is told why. The identity is checked at every hello, never remembered by the device: a
// browser whose page stops identifying (the user signed out) is its anonymous visitor again.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IdentitySecretCreated, IdentitySecretStatus } from '@livechat/shared/api';
import type { Site } from '@livechat/shared/model';
import type { VisitorIdentity } from '@livechat/shared/protocol';
import { notFound } from './errors.js';
import type { Store, Visitor } from './store.js';
import { newId } from './tokens.js';

/** A signature may be valid for at most this long ahead (seconds), so a leaked one cannot live for ever. */
export const IDENTITY_MAX_LIFETIME_S = 30 * 24 * 3600;

/** What identified visitors need from storage. */
export interface IdentityStore {
  /** The site's identity secret, if it has one. */
  secret(siteId: string): Promise<{ secret: string; createdAt: number } | null>;
  /** Replaces the site's secret and ends every device's link to an identified contact of the site, at once. */
  replaceSecret(siteId: string, secret: string, createdAt: number): Promise<void>;
  /** The contact carrying this user id on the site. */
  contactOf(siteId: string, userId: string): Promise<Visitor | null>;
  /** Adds the contact of a user id unless another node just did (the unique index decides). */
  insertContact(visitor: Visitor, userId: string): Promise<void>;
  /** The contact a device token acts for until `expiresAt` (ms). */
  link(tokenHash: string, siteId: string, visitorId: string, expiresAt: number): Promise<void>;
  unlink(tokenHash: string): Promise<void>;
  /** The contact a device token acts for now, if it has an unexpired link. */
  linked(tokenHash: string, siteId: string, now: number): Promise<Visitor | null>;
}

/**
 * The signature the site's backend sends: hex HMAC-SHA256, keyed with the secret string as given, of
 * `${userId}:${expiresAt}` (expiresAt in Unix seconds, an integer, so the last colon separates the two).
 */
export const identitySignature = (secret: string, userId: string, expiresAt: number): string =>
  createHmac('sha256', secret).update(`${userId}:${expiresAt}`).digest('hex');

/** Why an identity does not verify, in words for the host page's console; null when it does. */
export function identityProblem(
  identity: VisitorIdentity | null,
  secret: string | null,
  nowMs: number,
): string | null {
  if (!identity) return 'the identify call is malformed';
  if (!secret) return 'the site has no identity secret';
  const nowS = Math.floor(nowMs / 1000);
  if (identity.expiresAt <= nowS) return 'the signature has expired';
  if (identity.expiresAt > nowS + IDENTITY_MAX_LIFETIME_S) return 'expiresAt is more than 30 days ahead';
  const expected = Buffer.from(identitySignature(secret, identity.userId, identity.expiresAt));
  const given = Buffer.from(identity.signature.toLowerCase());
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return 'the signature does not match (forged, or made with another or an old secret)';
  return null;
}

export function createIdentityService(store: Store, now: () => number) {
  const statusOf = async (siteId: string): Promise<IdentitySecretStatus> => {
    if (!(await store.sites.byId(siteId))) throw notFound('Site');
    return { createdAt: (await store.identity.secret(siteId))?.createdAt ?? null };
  };
  return {
    /** Whether the site has a secret and since when; never the secret. */
    status: statusOf,

    /** A new secret (the old one stops verifying at once); the only time it is shown. */
    async rotate(siteId: string): Promise<IdentitySecretCreated> {
      await statusOf(siteId);
      const secret = randomBytes(32).toString('hex');
      const createdAt = now();
      await store.identity.replaceSecret(siteId, secret, createdAt);
      return { secret, createdAt };
    },

    /**
     * Who a hello acts as: the identified contact when `identity` verifies, else the device's own visitor (with why,
     * when an identity was given). `identity` undefined: the page did not identify; null: it sent a malformed one.
     */
    async resolve(
      site: Site,
      device: Visitor,
      tokenHash: string,
      identity: VisitorIdentity | null | undefined,
    ): Promise<{ visitor: Visitor; problem?: string }> {
      const at = now();
      const problem =
        identity === undefined
          ? undefined
          : identityProblem(identity, (await store.identity.secret(site.id))?.secret ?? null, at);
      if (identity === undefined || problem) {
        // The device no longer acts for anyone (a read first: most hellos never had a link).
        if (await store.identity.linked(tokenHash, site.id, 0)) await store.identity.unlink(tokenHash);
        return problem ? { visitor: device, problem } : { visitor: device };
      }
      const { userId, email, name, expiresAt } = identity!;
      let contact = await store.identity.contactOf(site.id, userId);
      if (!contact) {
        await store.identity.insertContact(
          { id: newId(), siteId: site.id, name: name || `User ${userId}`.slice(0, 200), createdAt: at },
          userId,
        );
        contact = (await store.identity.contactOf(site.id, userId))!;
      }
      // The site's backend vouches for these: they update the contact.
      if (email) await store.visitors.setContactField(contact.id, 'email', email);
      if (name) await store.visitors.setContactField(contact.id, 'name', name);
      await store.visitors.touch(contact.id, at);
      await store.identity.link(tokenHash, site.id, contact.id, expiresAt * 1000);
      return { visitor: contact };
    },
  };
}
export type IdentityService = ReturnType<typeof createIdentityService>;
