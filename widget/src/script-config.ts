// Where the loader came from: its own <script> tag gives the site key, and its src the server to talk to.

export interface ScriptConfig {
  siteKey: string;
  /** The directory widget.js was served from, without a trailing slash (keeps a path prefix, if any). */
  serverUrl: string;
  /** widget-chat.js, next to widget.js. */
  chatUrl: string;
}

export function readScriptConfig(doc: Document): ScriptConfig | null {
  // currentScript is set while a classic (also async) script runs; the selector covers the rest.
  const script =
    (doc.currentScript as HTMLScriptElement | null) ??
    doc.querySelector<HTMLScriptElement>('script[data-site-key][src*="widget.js"]');
  const siteKey = script?.dataset.siteKey;
  if (!script?.src || !siteKey) return null;
  // '.' resolves to the script's directory, which always ends with '/'.
  const serverUrl = new URL('.', script.src).href.slice(0, -1);
  return { siteKey, serverUrl, chatUrl: `${serverUrl}/widget-chat.js` };
}
