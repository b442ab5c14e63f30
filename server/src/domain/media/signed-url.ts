// File URLs that cannot be guessed and expire: /files/<random id>?exp=<epoch s>&sig=<HMAC>. The signature only says
// the server handed the URL out; whoever fetches it is still checked against the conversation's privacy rules. The
// one exception is the SMS provider, which fetches an MMS's images without credentials: its URLs carry `for=provider`
// (inside the signature) and are short-lived.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const FILE_PATH_PREFIX = '/files/';

export type FileAudience = 'viewer' | 'provider';

const mac = (secret: string, fileId: string, exp: number, audience: FileAudience) =>
  createHmac('sha256', secret)
    .update(audience === 'viewer' ? `${fileId}.${exp}` : `${fileId}.${exp}.${audience}`)
    .digest('base64url');

/** The path of a file, valid until `expiresAt` (epoch ms; rounded up to the second). */
export function signFilePath(
  secret: string,
  fileId: string,
  expiresAt: number,
  audience: FileAudience = 'viewer',
): string {
  const exp = Math.ceil(expiresAt / 1000);
  const forWhom = audience === 'viewer' ? '' : `&for=${audience}`;
  return `${FILE_PATH_PREFIX}${encodeURIComponent(fileId)}?exp=${exp}${forWhom}&sig=${mac(secret, fileId, exp, audience)}`;
}

export type FileUrlCheck = 'ok' | 'expired' | 'invalid';

/** Whether `exp` and `sig` (as received) were signed for this file and audience, and are still valid at `now`. */
export function checkFileSignature(
  secret: string,
  fileId: string,
  exp: string | undefined,
  sig: string | undefined,
  now: number,
  audience: FileAudience = 'viewer',
): FileUrlCheck {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return 'invalid';
  const expected = Buffer.from(mac(secret, fileId, Number(exp), audience));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return Number(exp) * 1000 < now ? 'expired' : 'ok';
}
