// How the fake calls out, as Twilio does: a form-encoded POST signed with X-Twilio-Signature. The signing is written
// here on its own, from Twilio's description, and not borrowed from the server: the server's verifier then checks an
// independent implementation instead of agreeing with itself.
import { createHmac } from 'node:crypto';

export type WebhookFields = Record<string, string>;

/** base64 HMAC-SHA1 (auth token) of the URL followed by each field's name and value, names sorted. */
export function signWebhook(authToken: string, url: string, fields: WebhookFields): string {
  const text = Object.keys(fields)
    .sort()
    .reduce((signed, name) => signed + name + fields[name], url);
  return createHmac('sha1', authToken).update(text, 'utf8').digest('base64');
}

/** A webhook the fake sent, and how the receiver answered (0: it could not be reached). */
export interface SentWebhook {
  url: string;
  fields: WebhookFields;
  signature: string;
  responseStatus: number;
}

export async function postWebhook(
  authToken: string,
  url: string,
  fields: WebhookFields,
): Promise<SentWebhook> {
  const signature = signWebhook(authToken, url, fields);
  let responseStatus = 0;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'x-twilio-signature': signature,
        'user-agent': 'TwilioProxy/1.1',
      },
      body: new URLSearchParams(fields),
      redirect: 'manual',
      signal: AbortSignal.timeout(5_000),
    });
    await response.body?.cancel();
    responseStatus = response.status;
  } catch {
    // Unreachable receiver: recorded as status 0, as Twilio logs a failed webhook and moves on.
  }
  return { url, fields, signature, responseStatus };
}
