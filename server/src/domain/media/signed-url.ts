// File URLs that cannot be guessed and expire: /files/<random id>?exp=<epoch s>&sig=<HMAC>. The signature only says
// the server handed the URL out; whoever fetches it is still checked against the conversation's privacy rules.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const FILE_PATH_PREFIX = '/files/';

const mac = (secret: string, fileId: string, exp: number) =>
  createHmac('sha256', secret).update(`${fileId}.${exp}`).digest('base64url');

/** The path of a file, valid until `expiresAt` (epoch ms; rounded up to the second). */
export function signFilePath(secret: string, fileId: string, expiresAt: number): string {
  const exp = Math.ceil(expiresAt / 1000);
  return `${FILE_PATH_PREFIX}${encodeURIComponent(fileId)}?exp=${exp}&sig=${mac(secret, fileId, exp)}`;
}

export type FileUrlCheck = 'ok' | 'expired' | 'invalid';

/** Whether `exp` and `sig` (as received) were signed for this file, and are still valid at `now` (epoch ms). */
export function checkFileSignature(
  secret: string,
  fileId: string,
  exp: string | undefined,
  sig: string | undefined,
  now: number,
): FileUrlCheck {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return 'invalid';
  const expected = Buffer.from(mac(secret, fileId, Number(exp)));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return Number(exp) * 1000 < now ? 'expired' : 'ok';
}
