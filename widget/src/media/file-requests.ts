// The visitor's file requests: uploads and downloads on the chat server, authenticated by the visitor token as a
// Bearer header (never in a URL, and never sent anywhere but the chat server).
import { uploadFile, UploadError, type UploadHandle, type UploadRequest } from '@livechat/shared/files';
import type { ChatSession } from '../state/chat-session.js';

/** The visitor token, once there is one (a new visitor gets theirs with the first welcome). */
export const tokenOf = (session: ChatSession): Promise<string> =>
  new Promise((resolve) => {
    const check = () => {
      const token = session.token();
      if (token) {
        off();
        resolve(token);
      }
    };
    const off = session.subscribe(check);
    check();
  });

const auth = async (session: ChatSession) => ({ Authorization: `Bearer ${await tokenOf(session)}` });

/** Uploads one file for the visitor: POST {serverUrl}/api/widget/files?siteKey=…, retried with the same id. */
export function upload(session: ChatSession, request: Omit<UploadRequest, 'url' | 'headers'>): UploadHandle {
  const { serverUrl, siteKey } = session.options;
  let handle: UploadHandle | undefined;
  let cancelled = false;
  return {
    done: auth(session).then((headers) => {
      if (cancelled) throw new UploadError('cancelled', 'Upload cancelled.');
      handle = uploadFile({
        ...request,
        url: `${serverUrl}/api/widget/files?siteKey=${encodeURIComponent(siteKey)}`,
        headers,
      });
      return handle.done;
    }),
    cancel() {
      cancelled = true;
      handle?.cancel();
    },
  };
}

/** Types a browser shows without running anything. */
const SHOWN = /^(image\/(png|jpeg|gif|webp|avif)|audio\/[\w.+-]+|video\/[\w.+-]+)(;|$)/i;

/**
 * A file of a message as an object URL (revoke it when done). `url` is a path on the chat server; anything that
 * would send the token elsewhere is refused.
 */
export async function fetchFile(session: ChatSession, url: string): Promise<string> {
  const base = session.options.serverUrl;
  const href = url.startsWith('/') && !url.startsWith('//') ? base + url : url;
  if (new URL(href).origin !== new URL(base).origin) throw new Error('not a file of the chat server');
  const response = await fetch(href, { headers: await auth(session) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const blob = await response.blob();
  // An object URL has the host page's origin: a document type opened from it (a link opened in a new tab) would run
  // as the page. Only pictures and sound keep their type; anything else can only be saved.
  const type = SHOWN.test(blob.type) ? blob.type : 'application/octet-stream';
  return URL.createObjectURL(new Blob([blob], { type }));
}
