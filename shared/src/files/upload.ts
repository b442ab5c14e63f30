// Uploading one file with progress and cancel, for the widget and the dashboard. Zod-free and small (the widget
// loads it). The server answers the same `upload` id with the same file, so an upload cut off by a dropped
// connection is sent again whole, up to `retries` times, without ever storing it twice.
import type { Attachment } from '../model/attachment.js';

export interface UploadRequest {
  /** The upload URL without query (…/api/conversations/:id/files or …/api/widget/files?siteKey=…). */
  url: string;
  file: Blob;
  name: string;
  /** Client-made id: the idempotency key of this upload. */
  uploadId: string;
  voice?: boolean;
  /** Extra headers (the widget's Authorization). */
  headers?: Record<string, string>;
  /** Sends cookies (the dashboard, same origin); the widget authenticates by header instead. */
  withCredentials?: boolean;
  /** 0..1 as bytes leave. */
  onProgress?: (fraction: number) => void;
  /** Attempts after a network failure (never after an answer from the server). Default 3. */
  retries?: number;
  /** Waits before attempt n (1-based); default 1 s, 2 s, 4 s. */
  delayMs?: (attempt: number) => number;
  createXhr?: () => XMLHttpRequest;
}

/** Refused by the server (413, 415, 429…) or cancelled (`code` 'cancelled'); `message` is for the person. */
export class UploadError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 0,
  ) {
    super(message);
  }
}

export interface UploadHandle {
  done: Promise<Attachment>;
  cancel(): void;
}

export function uploadFile(request: UploadRequest): UploadHandle {
  const { retries = 3, delayMs = (n: number) => 1000 * 2 ** (n - 1) } = request;
  let cancelled = false;
  let xhr: XMLHttpRequest | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stop: (error: UploadError) => void = () => {};
  const cancelledError = () => new UploadError('cancelled', 'Upload cancelled.');

  const attempt = (): Promise<Attachment> =>
    new Promise((resolve, reject) => {
      stop = reject;
      const x = (xhr = request.createXhr?.() ?? new XMLHttpRequest());
      const query = `name=${encodeURIComponent(request.name)}&upload=${encodeURIComponent(request.uploadId)}${request.voice ? '&voice=1' : ''}`;
      x.open('POST', request.url + (request.url.includes('?') ? '&' : '?') + query);
      x.withCredentials = request.withCredentials ?? false;
      x.setRequestHeader('Content-Type', 'application/octet-stream');
      for (const [k, v] of Object.entries(request.headers ?? {})) x.setRequestHeader(k, v);
      x.upload.onprogress = (e) => e.lengthComputable && request.onProgress?.(e.loaded / e.total);
      x.onload = () => {
        let body: { file?: Attachment; error?: { message?: string; code?: string } } = {};
        try {
          body = JSON.parse(x.responseText) as typeof body;
        } catch {
          // Not JSON (a proxy's page): the status speaks.
        }
        // The server's one error shape: {error: {code, message}}.
        const refusal = body.error;
        if (x.status >= 200 && x.status < 300 && body.file) {
          request.onProgress?.(1);
          resolve(body.file);
        } else
          reject(
            new UploadError(
              refusal?.code ?? 'upload_failed',
              refusal?.message ?? `The upload failed (HTTP ${x.status}).`,
              x.status,
            ),
          );
      };
      x.onerror = () => reject(new UploadError('network', 'The connection dropped while uploading.'));
      x.onabort = () => reject(cancelledError());
      x.send(request.file);
    });

  const run = async (): Promise<Attachment> => {
    for (let n = 0; ; n++) {
      try {
        return await attempt();
      } catch (error) {
        const failure = error as UploadError;
        if (cancelled || failure.code !== 'network' || n >= retries)
          throw cancelled ? cancelledError() : failure;
        await new Promise<void>((resolve, reject) => {
          stop = reject;
          timer = setTimeout(resolve, delayMs(n + 1));
        });
      }
    }
  };

  return {
    done: run(),
    cancel() {
      if (cancelled) return;
      cancelled = true;
      clearTimeout(timer);
      xhr?.abort();
      stop(cancelledError());
    },
  };
}
