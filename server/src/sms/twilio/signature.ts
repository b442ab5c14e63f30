// Twilio's webhook signature (`X-Twilio-Signature`): base64 of HMAC-SHA1, keyed with the account's auth token, over
// the full URL Twilio requested followed by every form field as name+value with the names sorted. A repeated name
// contributes each of its distinct values, sorted, as Twilio's helper libraries (twilio-node, twilio-python) do.
//
// Twilio is not consistent about a default port in the URL it signs (the helper libraries check both), so a URL
// with :443 (https) or :80 (http) and the same URL without it verify alike. Any other port must match as given.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { formEntries, type FormParams } from '../form-params.js';

export const SIGNATURE_HEADER = 'x-twilio-signature';

/** The text Twilio signs: the URL as given, then each field's name and value, no separators. */
function signedText(url: string, params: FormParams): string {
  const valuesByName = new Map<string, Set<string>>();
  for (const [name, value] of formEntries(params)) {
    const values = valuesByName.get(name) ?? new Set<string>();
    values.add(value);
    valuesByName.set(name, values);
  }
  let text = url;
  for (const name of [...valuesByName.keys()].sort())
    for (const value of [...valuesByName.get(name)!].sort()) text += name + value;
  return text;
}

/** The signature Twilio sends for a request to `url` with these form fields. */
export function twilioSignature(authToken: string, url: string, params: FormParams): string {
  return createHmac('sha1', authToken).update(signedText(url, params), 'utf8').digest('base64');
}

const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };

/** The URL as given, and its twin with the default port written out or left out; other URLs are left alone. */
function defaultPortVariants(url: string): string[] {
  // Split by hand: the WHATWG URL parser drops a default port and re-escapes characters, changing the signed text.
  const parts = /^(https?):\/\/([^/?#]*)(.*)$/is.exec(url);
  if (!parts) return [url];
  const scheme = parts[1]!;
  const authority = parts[2]!;
  const rest = parts[3]!;
  const defaultPort = DEFAULT_PORT[scheme.toLowerCase()]!;
  const at = authority.lastIndexOf('@');
  const userInfo = authority.slice(0, at + 1);
  const hostPort = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(authority.slice(at + 1));
  if (!hostPort) return [url];
  const host = hostPort[1]!;
  const port = hostPort[2];
  const prefix = `${scheme}://${userInfo}${host}`;
  if (port === undefined) return [url, `${prefix}:${defaultPort}${rest}`];
  if (port === defaultPort) return [url, `${prefix}${rest}`];
  return [url];
}

/**
 * Whether `signature` (the X-Twilio-Signature header) is Twilio's for a request to `url` with these fields. `url` is
 * the public URL Twilio was given for the webhook, query string included, not what a proxy turned it into.
 */
export function verifyTwilioSignature(
  authToken: string,
  signature: string | readonly string[] | null | undefined,
  url: string,
  params: FormParams,
): boolean {
  if (typeof signature !== 'string' || signature === '') return false;
  const received = Buffer.from(signature);
  return defaultPortVariants(url).some((candidate) => {
    const expected = Buffer.from(twilioSignature(authToken, candidate, params));
    return expected.length === received.length && timingSafeEqual(expected, received);
  });
}
