import { describe, expect, it } from 'vitest';
import { mediaAuthorizer } from './media-auth.js';

const BASIC = 'Basic QUM6dG9rZW4=';

describe("the account's credentials for incoming media", () => {
  it("go to Twilio's API and its https hosts when the account is Twilio's", () => {
    const authorize = mediaAuthorizer('https://api.twilio.com', BASIC);
    for (const url of [
      'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1',
      'https://api.dublin.ie1.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1',
      'https://media.twiliocdn.com/AC1/abc',
      'https://API.TWILIO.COM/x',
    ])
      expect(authorize(url), url).toBe(BASIC);
  });

  it('go nowhere else: other hosts, look-alikes, plain http, URLs with their own credentials', () => {
    const authorize = mediaAuthorizer('https://api.twilio.com', BASIC);
    for (const url of [
      'http://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1',
      'https://s3-external-1.amazonaws.com/media.twiliocdn.com/AC1/abc',
      'https://twilio.com.example.net/x',
      'https://eviltwilio.com/x',
      'https://api.twilio.com.evil.net/x',
      'https://user:pw@api.twilio.com/x',
      'not a url',
    ])
      expect(authorize(url), url).toBeNull();
  });

  it("for another API (the fake's), go to its origin only, never to Twilio's hosts", () => {
    const authorize = mediaAuthorizer('http://127.0.0.1:8790', BASIC);
    expect(authorize('http://127.0.0.1:8790/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1')).toBe(BASIC);
    expect(authorize('http://127.0.0.1:8791/x')).toBeNull();
    expect(authorize('http://localhost:8790/x')).toBeNull();
    expect(authorize('https://api.twilio.com/x')).toBeNull();
  });
});
