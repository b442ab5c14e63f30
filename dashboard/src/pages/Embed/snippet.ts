// The embed code a site owner pastes, in the form the README documents.

/** Optional: lets the host page call LiveChat(…) before widget.js has loaded. */
export const QUEUE_LINE =
  '<script>window.LiveChat=window.LiveChat||function(){(LiveChat.q=LiveChat.q||[]).push(arguments)};</script>';

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `serverUrl` is the server's public URL, without a trailing slash. */
export function scriptTag(serverUrl: string, siteKey: string): string {
  return `<script async src="${escapeAttribute(serverUrl)}/widget.js" data-site-key="${escapeAttribute(siteKey)}"></script>`;
}

export function embedSnippet(serverUrl: string, siteKey: string): string {
  return `${QUEUE_LINE}\n${scriptTag(serverUrl, siteKey)}`;
}
