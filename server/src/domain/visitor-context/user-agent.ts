// Browser and OS from the User-Agent header the server saw on the visitor's WebSocket upgrade. Parsed with bowser
// (MIT), a well-kept table of patterns, rather than our own regular expressions; shown to agents, never trusted.
import Bowser from 'bowser';

/** Longer headers are not parsed: no real browser sends one. */
const USER_AGENT_MAX = 1024;

export interface BrowserAndOs {
  /** e.g. "Chrome 131", "Safari 17.5", null when unknown. */
  browser: string | null;
  /** e.g. "Windows 10", "macOS Catalina", "Android 14", "Linux", null when unknown. */
  os: string | null;
}

const label = (...parts: (string | undefined)[]): string | null =>
  parts.filter((p): p is string => !!p).join(' ') || null;

export function parseUserAgent(header: string | undefined): BrowserAndOs {
  if (!header?.trim() || header.length > USER_AGENT_MAX) return { browser: null, os: null };
  const { browser, os } = Bowser.parse(header);
  // The major version is enough to tell browsers apart; Safari's minor one matters (17.5 vs 17.0).
  const version = browser.name === 'Safari' ? browser.version : browser.version?.split('.')[0];
  return {
    browser: browser.name ? label(browser.name, version) : null,
    os: os.name ? label(os.name, os.versionName ?? os.version) : null,
  };
}
