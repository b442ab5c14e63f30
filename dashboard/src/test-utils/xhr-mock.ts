// A stand-in for XMLHttpRequest (uploads go through it, for their progress): each request is recorded, and the test
// drives it as the network would: progress, an answer, a dropped connection. Put back after each test.
import { afterEach, vi } from 'vitest';
import { FakeXhr } from '@livechat/shared/files/testing';

afterEach(() => {
  vi.unstubAllGlobals();
});

export function mockXhr() {
  FakeXhr.reset();
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return {
    requests: FakeXhr.requests,
    /** The latest request for a file of this name. */
    forFile: (name: string) => {
      const found = FakeXhr.requests.filter((r) => r.query.get('name') === name).at(-1);
      if (!found) throw new Error(`no upload of ${name}`);
      return found;
    },
  };
}

export { FakeXhr };
