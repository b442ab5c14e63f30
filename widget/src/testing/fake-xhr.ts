// The widget's uploads under test: the shared fake XMLHttpRequest, and a stored file as the server answers it.
import { vi } from 'vitest';
import { FakeXhr } from '@livechat/shared/files/testing';
import type { Attachment } from '@livechat/shared/model';

/** Replaces XMLHttpRequest for one test (undone by vi.unstubAllGlobals). */
export function stubXhr(): FakeXhr[] {
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return FakeXhr.reset();
}

export { FakeXhr };

/** What the server answers for a stored file. */
export const storedFile = (id: string, over: Partial<Attachment> = {}): Attachment => ({
  id,
  name: `${id}.png`,
  mime: 'image/png',
  kind: 'image',
  size: 2048,
  url: `/files/${id}?exp=9&sig=s`,
  ...over,
});
