// uploadFile against a fake XMLHttpRequest: the request it makes, progress, refusals in words (the server's error
// body, {error: {code, message}}), retries after a dropped connection with the same upload id, and cancel (during a
// send and during the wait before a retry).
import { describe, expect, it, vi } from 'vitest';
import type { Attachment } from '../model/attachment.js';
import { uploadFile, UploadError, type UploadRequest } from './upload.js';
import { FakeXhr } from './fake-xhr.js';

const FILE: Attachment = {
  id: 'f1',
  name: 'photo.png',
  mime: 'image/png',
  kind: 'image',
  size: 3,
  url: '/files/f1?exp=1&sig=x',
};

function setup(over: Partial<UploadRequest> = {}) {
  const xhrs: FakeXhr[] = [];
  const onProgress = vi.fn();
  const file = new Blob(['abc']);
  const handle = uploadFile({
    url: 'https://chat.example.com/api/widget/files?siteKey=site_1',
    file,
    name: 'my photo.png',
    uploadId: 'u1',
    headers: { Authorization: 'Bearer t' },
    onProgress,
    delayMs: () => 0,
    createXhr: () => {
      const xhr = new FakeXhr();
      xhrs.push(xhr);
      return xhr as unknown as XMLHttpRequest;
    },
    ...over,
  });
  return { handle, xhrs, file, onProgress, last: () => xhrs[xhrs.length - 1]! };
}

/** Lets the retry's wait (a zero-delay timer, set once the failure has gone through its promise chain) run. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('uploadFile', () => {
  it('POSTs the raw bytes with name and upload id, the extra headers, and resolves with the stored file', async () => {
    const { handle, last, file, onProgress } = setup();
    const xhr = last();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe(
      'https://chat.example.com/api/widget/files?siteKey=site_1&name=my%20photo.png&upload=u1',
    );
    expect(xhr.headers).toEqual({ 'Content-Type': 'application/octet-stream', Authorization: 'Bearer t' });
    expect(xhr.withCredentials).toBe(false);
    expect(xhr.body).toBe(file);
    xhr.progress(1, 4);
    expect(onProgress).toHaveBeenLastCalledWith(0.25);
    xhr.answer(201, { file: FILE });
    await expect(handle.done).resolves.toEqual(FILE);
    expect(onProgress).toHaveBeenLastCalledWith(1);
  });

  it('starts the query with ? on a URL without one, marks voice notes, and sends cookies when asked', () => {
    const { last } = setup({
      url: '/api/conversations/c1/files',
      voice: true,
      withCredentials: true,
      headers: undefined,
    });
    expect(last().url).toBe('/api/conversations/c1/files?name=my%20photo.png&upload=u1&voice=1');
    expect(last().withCredentials).toBe(true);
  });

  it.each([
    [413, 'payload_too_large', 'This file is larger than 25 MB.'],
    [415, 'unsupported_type', 'Files of this type cannot be sent.'],
    [429, 'rate_limited', 'Too many files. Please wait a minute.'],
  ])(
    'refuses on %i with the server’s code and sentence, and does not retry',
    async (status, code, message) => {
      const { handle, last, xhrs } = setup();
      last().answer(status, { error: { code, message } }); // the server's error shape
      const error = await handle.done.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UploadError);
      expect(error).toMatchObject({ code, message, status });
      expect(xhrs).toHaveLength(1);
    },
  );

  it('says the status when the answer is not JSON (a proxy’s error page)', async () => {
    const { handle, last } = setup();
    last().answer(502, '<html>Bad gateway</html>');
    await expect(handle.done).rejects.toMatchObject({
      code: 'upload_failed',
      status: 502,
      message: 'The upload failed (HTTP 502).',
    });
  });

  it('sends again with the same upload id after a dropped connection, and succeeds', async () => {
    const { handle, xhrs } = setup();
    xhrs[0]!.drop();
    await tick();
    expect(xhrs).toHaveLength(2);
    expect(xhrs[1]!.url).toBe(xhrs[0]!.url);
    expect(xhrs[1]!.url).toContain('upload=u1');
    xhrs[1]!.answer(201, { file: FILE });
    await expect(handle.done).resolves.toEqual(FILE);
  });

  it('waits longer before each retry, and gives up after `retries` with a network error', async () => {
    const waits: number[] = [];
    const { handle, xhrs } = setup({
      retries: 2,
      delayMs: (n) => {
        waits.push(n);
        return 0;
      },
    });
    const outcome = handle.done.catch((e: unknown) => e);
    for (let i = 0; i < 3; i++) {
      xhrs[i]!.drop();
      await tick();
    }
    expect(await outcome).toMatchObject({ code: 'network' });
    expect(xhrs).toHaveLength(3);
    expect(waits).toEqual([1, 2]);
  });

  it('uses 1 s, 2 s, 4 s between retries by default', async () => {
    vi.useFakeTimers();
    try {
      const { handle, xhrs } = setup({ delayMs: undefined });
      xhrs[0]!.drop();
      await vi.advanceTimersByTimeAsync(999);
      expect(xhrs).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(xhrs).toHaveLength(2);
      xhrs[1]!.drop();
      await vi.advanceTimersByTimeAsync(1999);
      expect(xhrs).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1);
      expect(xhrs).toHaveLength(3);
      xhrs[2]!.answer(201, { file: FILE });
      await expect(handle.done).resolves.toEqual(FILE);
    } finally {
      vi.useRealTimers();
    }
  });

  it('cancels a send in progress: aborts it and rejects with `cancelled`', async () => {
    const { handle, last, xhrs } = setup();
    handle.cancel();
    expect(last().aborted).toBe(true);
    await expect(handle.done).rejects.toMatchObject({ code: 'cancelled' });
    await tick();
    expect(xhrs).toHaveLength(1);
  });

  it('cancels during the wait before a retry: no further attempt', async () => {
    vi.useFakeTimers();
    try {
      const { handle, xhrs } = setup({ delayMs: () => 1000 });
      xhrs[0]!.drop();
      await vi.advanceTimersByTimeAsync(10);
      handle.cancel();
      await expect(handle.done).rejects.toMatchObject({ code: 'cancelled' });
      await vi.advanceTimersByTimeAsync(5000);
      expect(xhrs).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores cancel after the upload finished', async () => {
    const { handle, last } = setup();
    last().answer(201, { file: FILE });
    await expect(handle.done).resolves.toEqual(FILE);
    handle.cancel();
    await expect(handle.done).resolves.toEqual(FILE);
  });
});
