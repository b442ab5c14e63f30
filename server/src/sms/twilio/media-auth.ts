// Which URLs get the account's credentials when the inbox fetches an incoming MMS's media. Twilio serves media at its
// API (…/Messages/MM…/Media/ME…), asking for HTTP Basic auth when the account's "HTTP Basic Authentication for media
// access" setting is on, and redirects to a signed CDN URL that needs none. The credentials open the whole account:
// they go to the configured API's origin and, when that API is Twilio's own, to Twilio's https hosts; never to any
// other host, a redirect target elsewhere, or over plain http to anyone but the configured API (the fake's).

const TWILIO_DOMAINS = ['twilio.com', 'twiliocdn.com'];

/** twilio.com, twiliocdn.com or a subdomain of either (a trailing dot is not matched: it simply gets nothing). */
const isTwilioHost = (host: string) =>
  TWILIO_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));

/** For the account whose API answers at `apiBase`: the header for `url`, or null. */
export function mediaAuthorizer(apiBase: string, authorization: string): (url: string) => string | null {
  const api = new URL(apiBase);
  const apiIsTwilio = api.protocol === 'https:' && isTwilioHost(api.hostname);
  return (url) => {
    if (!URL.canParse(url)) return null;
    const target = new URL(url);
    // Credentials written into the URL would be sent instead of (or beside) ours: not a URL we answer.
    if (target.username !== '' || target.password !== '') return null;
    if (target.origin === api.origin) return authorization;
    return apiIsTwilio && target.protocol === 'https:' && isTwilioHost(target.hostname)
      ? authorization
      : null;
  };
}
