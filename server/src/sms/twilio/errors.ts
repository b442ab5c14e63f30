// Twilio's REST error answers, `{ code, message, more_info, status }`, turned into the inbox's two kinds of failure.
// Codes from Twilio's error dictionary (twilio.com/docs/api/errors/<code>).
import { z } from 'zod';
import { SmsRefusedError, SmsTemporaryError, type RefusalCode } from '../provider.js';

const REFUSALS: Record<RefusalCode, { codes: number[]; message: string }> = {
  opted_out: {
    // 21610: the recipient replied STOP to this sender.
    codes: [21610],
    message:
      'This person has opted out of texts from this number (they replied STOP); they can text START to opt in.',
  },
  invalid_recipient: {
    // 21211 invalid 'To', 21604 'To' missing, 21614 'To' cannot receive SMS, 21635 'To' is a landline.
    codes: [21211, 21604, 21614, 21635],
    message:
      'This phone number cannot receive texts; check that it is a mobile number in international format.',
  },
  empty_body: {
    // 21602 body required, 21619 body, media or content required.
    codes: [21602, 21619],
    message: 'The text is empty; write something to send.',
  },
  invalid_sender: {
    // 21601, 21606, 21659, 21660, 21661: the 'From' number is not the account's or cannot send texts.
    codes: [21601, 21606, 21659, 21660, 21661],
    message: 'The number texts are sent from is not a text-capable number of this Twilio account.',
  },
  auth_failed: {
    // 20003: the Account SID and auth token do not match.
    codes: [20003],
    message: 'Twilio did not accept the Account SID and auth token; check them in the SMS settings.',
  },
  rejected: { codes: [], message: 'Twilio refused the request.' },
};

const REFUSAL_BY_CODE = new Map<number, RefusalCode>(
  Object.entries(REFUSALS).flatMap(([refusal, { codes }]) =>
    codes.map((code) => [code, refusal as RefusalCode]),
  ),
);

const TOO_MANY_REQUESTS = 20429;

const ErrorBody = z
  .object({ code: z.coerce.number().int().optional(), message: z.string().optional() })
  .catch({});

/** Seconds (the only form Twilio uses) from a Retry-After header. */
function retryAfterMs(header: string | null): number | undefined {
  const seconds = Number(header);
  return header && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** The error for a non-2xx answer from Twilio's REST API; `body` is the answer's parsed JSON, if it had any. */
export function twilioFailure(
  status: number,
  body: unknown,
  retryAfter: string | null,
): SmsRefusedError | SmsTemporaryError {
  const { code: providerCode, message: providerMessage } = ErrorBody.parse(body);
  const detail = { providerCode, providerMessage };
  if (status === 429 || providerCode === TOO_MANY_REQUESTS)
    return new SmsTemporaryError('rate_limited', 'Twilio is limiting requests; try again shortly.', {
      ...detail,
      retryAfterMs: retryAfterMs(retryAfter),
    });
  if (status >= 500)
    return new SmsTemporaryError(
      'server_error',
      `Twilio had a problem (HTTP ${status}); try again later.`,
      detail,
    );
  const refusal =
    (providerCode !== undefined && REFUSAL_BY_CODE.get(providerCode)) ||
    (status === 401 ? 'auth_failed' : 'rejected');
  const message =
    refusal === 'rejected' && providerMessage
      ? `Twilio refused the request: ${providerMessage}`
      : REFUSALS[refusal].message;
  return new SmsRefusedError(refusal, message, detail);
}
