import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twilioSignature, verifyTwilioSignature } from './signature.js';

// Twilio's worked example: auth token 12345, this URL, these fields (a <Gather> posting digits).
const TOKEN = '12345';
const URL_ = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const caller = (number: string) => ({
  CallSid: 'CA1234567890ABCDE',
  Caller: number,
  Digits: '1234',
  From: number,
  To: '+18005551212',
});
// The example as twilio-php's validation guide and twilio-python's test suite print it...
const HELPER_LIBRARY_EXAMPLE = { params: caller('+14158675309'), signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' };
// ...and as the current security page has it, with another caller.
const SECURITY_PAGE_EXAMPLE = { params: caller('+14158675310'), signature: 'GvWf1cFY/Q7PnoempGyD5oXAezc=' };

describe("Twilio's documented examples", () => {
  it.each([HELPER_LIBRARY_EXAMPLE, SECURITY_PAGE_EXAMPLE])(
    'signs $params.Caller as documented',
    (example) => {
      expect(twilioSignature(TOKEN, URL_, example.params)).toBe(example.signature);
      expect(verifyTwilioSignature(TOKEN, example.signature, URL_, example.params)).toBe(true);
    },
  );

  it('signs a repeated field with each of its values, sorted (twilio-python test vector)', () => {
    const params = new URLSearchParams('Sid=CA123&SidAccount=AC123&Digits=5678&Digits=1234');
    expect(twilioSignature(TOKEN, URL_, params)).toBe('IK+Dwps556ElfBT0I3Rgjkr1wJU=');
    expect(
      twilioSignature(TOKEN, URL_, { Sid: 'CA123', SidAccount: 'AC123', Digits: ['1234', '5678'] }),
    ).toBe('IK+Dwps556ElfBT0I3Rgjkr1wJU=');
  });
});

describe('verifying a webhook', () => {
  const { params, signature } = HELPER_LIBRARY_EXAMPLE;

  it('refuses a forged signature, another token, another URL', () => {
    const forged = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    expect(verifyTwilioSignature(TOKEN, forged, URL_, params)).toBe(false);
    expect(verifyTwilioSignature('54321', signature, URL_, params)).toBe(false);
    expect(verifyTwilioSignature(TOKEN, signature, URL_.replace('foo=1', 'foo=2'), params)).toBe(false);
    expect(verifyTwilioSignature(TOKEN, signature, URL_.replace('https:', 'http:'), params)).toBe(false);
  });

  it('refuses a missing, empty, repeated or malformed header without throwing', () => {
    for (const header of [undefined, null, '', [signature, signature], 'not base64 at all', signature + '='])
      expect(verifyTwilioSignature(TOKEN, header, URL_, params)).toBe(false);
  });

  it('refuses a field added, changed or dropped', () => {
    expect(verifyTwilioSignature(TOKEN, signature, URL_, { ...params, Extra: '' })).toBe(false);
    expect(verifyTwilioSignature(TOKEN, signature, URL_, { ...params, Digits: '9999' })).toBe(false);
    const { Digits: _, ...dropped } = params;
    expect(verifyTwilioSignature(TOKEN, signature, URL_, dropped)).toBe(false);
  });

  it('accepts the fields in any order, as a form body or an object', () => {
    const entries = Object.entries(params);
    fc.assert(
      fc.property(fc.shuffledSubarray(entries, { minLength: entries.length }), (shuffled) => {
        expect(verifyTwilioSignature(TOKEN, signature, URL_, new URLSearchParams(shuffled))).toBe(true);
        expect(verifyTwilioSignature(TOKEN, signature, URL_, Object.fromEntries(shuffled))).toBe(true);
      }),
    );
  });

  it('reads form-encoded values decoded, as Twilio signs them (+ is %2B, a space is +)', () => {
    const form = new URLSearchParams('Body=hello+world&From=%2B14158675309');
    const object = { Body: 'hello world', From: '+14158675309' };
    expect(verifyTwilioSignature(TOKEN, twilioSignature(TOKEN, URL_, object), URL_, form)).toBe(true);
  });

  it('signs whatever fields come, so unknown ones are covered too', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1 }), fc.string()),
        fc.string({ minLength: 1 }),
        (fields, name) => {
          fc.pre(!Object.hasOwn(fields, name));
          const signed = twilioSignature(TOKEN, URL_, fields);
          expect(verifyTwilioSignature(TOKEN, signed, URL_, fields)).toBe(true);
          expect(verifyTwilioSignature(TOKEN, signed, URL_, { ...fields, [name]: '' })).toBe(false);
        },
      ),
    );
  });
});

describe('the default port', () => {
  const { params, signature } = HELPER_LIBRARY_EXAMPLE;
  // Signatures of the same request with the port written out, from twilio-python's test suite.
  const withPort443 = 'kvajT1Ptam85bY51eRf/AJRuM3w=';
  const httpWithPort80 = '0ZXoZLH/DfblKGATFgpif+LLRf4=';
  const httpWithPort1234 = 'Zmvh+3yNM1Phv2jhDCwEM3q5ebU=';
  const http = URL_.replace('https:', 'http:');

  it('verifies a request signed with :443 against the URL without it, and the other way round', () => {
    expect(twilioSignature(TOKEN, 'https://mycompany.com:443/myapp.php?foo=1&bar=2', params)).toBe(
      withPort443,
    );
    expect(verifyTwilioSignature(TOKEN, withPort443, URL_, params)).toBe(true);
    expect(
      verifyTwilioSignature(TOKEN, signature, 'https://mycompany.com:443/myapp.php?foo=1&bar=2', params),
    ).toBe(true);
  });

  it('does the same with :80 for http', () => {
    expect(verifyTwilioSignature(TOKEN, httpWithPort80, http, params)).toBe(true);
    const unported = twilioSignature(TOKEN, http, params);
    expect(
      verifyTwilioSignature(TOKEN, unported, 'http://mycompany.com:80/myapp.php?foo=1&bar=2', params),
    ).toBe(true);
  });

  it('keeps any other port, and never swaps the default ports of the two schemes', () => {
    const ported = 'http://mycompany.com:1234/myapp.php?foo=1&bar=2';
    expect(verifyTwilioSignature(TOKEN, httpWithPort1234, ported, params)).toBe(true);
    expect(verifyTwilioSignature(TOKEN, twilioSignature(TOKEN, http, params), ported, params)).toBe(false);
    expect(verifyTwilioSignature(TOKEN, httpWithPort80, URL_, params)).toBe(false);
    expect(verifyTwilioSignature(TOKEN, withPort443, http, params)).toBe(false);
  });

  it('handles credentials and IPv6 hosts in the URL', () => {
    const signed = twilioSignature(TOKEN, 'https://user:pw@[2001:db8::1]/hook', params);
    expect(verifyTwilioSignature(TOKEN, signed, 'https://user:pw@[2001:db8::1]:443/hook', params)).toBe(true);
  });
});
