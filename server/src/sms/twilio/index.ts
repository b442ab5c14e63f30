// Twilio Programmable Messaging as the inbox's SMS provider.
import type { SmsProvider } from '../provider.js';
import { createTwilioClient, type TwilioClientOptions, type TwilioCredentials } from './client.js';
import { SIGNATURE_HEADER, verifyTwilioSignature } from './signature.js';
import { parseTwilioInbound, parseTwilioStatus } from './webhook-params.js';

export { TwilioCredentials } from './client.js';

export function createTwilioProvider(
  credentials: TwilioCredentials,
  options?: TwilioClientOptions,
): SmsProvider {
  const client = createTwilioClient(credentials, options);
  return {
    listNumbers: () => client.listIncomingNumbers(),
    send: (message) => client.sendMessage(message),
    findSent: (query) => client.findMessage(query),
    verifyWebhook: ({ url, headers, params }) =>
      verifyTwilioSignature(credentials.authToken, headers[SIGNATURE_HEADER], url, params),
    mediaAuthorization: (url) => client.mediaAuthorization(url),
    parseInbound: parseTwilioInbound,
    parseStatus: parseTwilioStatus,
  };
}
