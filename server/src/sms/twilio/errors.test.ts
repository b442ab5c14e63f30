import { describe, expect, it } from 'vitest';
import { SmsRefusedError, SmsTemporaryError } from '../provider.js';
import { twilioFailure } from './errors.js';

const body = (code: number, message = `Twilio says ${code}`) => ({
  code,
  message,
  more_info: '',
  status: 400,
});

describe("Twilio's REST errors", () => {
  it.each([
    [21610, 'opted_out'],
    [21211, 'invalid_recipient'],
    [21604, 'invalid_recipient'],
    [21614, 'invalid_recipient'],
    [21635, 'invalid_recipient'],
    [21602, 'empty_body'],
    [21619, 'empty_body'],
    [21601, 'invalid_sender'],
    [21606, 'invalid_sender'],
    [21659, 'invalid_sender'],
    [21660, 'invalid_sender'],
    [21661, 'invalid_sender'],
  ])('refuse %i as %s, keeping Twilio’s words', (code, refusal) => {
    const error = twilioFailure(400, body(code), null);
    expect(error).toBeInstanceOf(SmsRefusedError);
    expect(error).toMatchObject({
      code: refusal,
      providerCode: code,
      providerMessage: `Twilio says ${code}`,
    });
    expect(error.message).not.toContain(String(code));
  });

  it('refuse wrong credentials, by code or by status alone', () => {
    expect(twilioFailure(401, body(20003, 'Authenticate'), null)).toMatchObject({ code: 'auth_failed' });
    expect(twilioFailure(401, undefined, null)).toMatchObject({
      code: 'auth_failed',
      providerCode: undefined,
    });
  });

  it("refuse anything else in 4xx as rejected, in Twilio's words", () => {
    const error = twilioFailure(
      400,
      body(21617, 'The concatenated message body exceeds the 1600 character limit'),
      null,
    );
    expect(error).toMatchObject({ code: 'rejected', providerCode: 21617 });
    expect(error.message).toBe(
      'Twilio refused the request: The concatenated message body exceeds the 1600 character limit',
    );
    expect(twilioFailure(404, '<html>not json</html>', null)).toMatchObject({
      code: 'rejected',
      message: 'Twilio refused the request.',
    });
  });

  it('take 5xx and 429 as temporary', () => {
    for (const status of [500, 502, 503, 504])
      expect(twilioFailure(status, undefined, null)).toMatchObject({
        reason: 'server_error',
        retryable: true,
      });
    const limited = twilioFailure(429, body(20429), '30');
    expect(limited).toBeInstanceOf(SmsTemporaryError);
    expect(limited).toMatchObject({ reason: 'rate_limited', retryAfterMs: 30_000 });
    expect(twilioFailure(429, undefined, 'soon')).toMatchObject({ retryAfterMs: undefined });
  });
});
