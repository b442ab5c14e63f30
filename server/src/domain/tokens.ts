import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** 256 random bits, URL-safe: visitor tokens and session tokens. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored only as hashes; high-entropy tokens need no salt or slow hash. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
