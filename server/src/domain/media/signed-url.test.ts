import { describe, expect, it } from 'vitest';
import { checkFileSignature, signFilePath } from './signed-url.js';

const SECRET = 'test-secret-0123456789';
const parts = (path: string) => {
  const url = new URL(path, 'http://x');
  return {
    id: decodeURIComponent(url.pathname.split('/').pop()!),
    exp: url.searchParams.get('exp') ?? undefined,
    sig: url.searchParams.get('sig') ?? undefined,
  };
};

describe('signed file paths', () => {
  const now = Date.UTC(2026, 11, 1);
  const path = signFilePath(SECRET, 'f-123', now + 60_000);
  const { id, exp, sig } = parts(path);

  it('verify until they expire', () => {
    expect(path).toMatch(/^\/files\/f-123\?exp=\d+&sig=[\w-]+$/);
    expect(checkFileSignature(SECRET, id, exp, sig, now)).toBe('ok');
    expect(checkFileSignature(SECRET, id, exp, sig, now + 61_000)).toBe('expired');
  });

  it('refuse another file, a moved expiry, another secret and garbage', () => {
    expect(checkFileSignature(SECRET, 'f-124', exp, sig, now)).toBe('invalid');
    expect(checkFileSignature(SECRET, id, String(Number(exp) + 3600), sig, now)).toBe('invalid');
    expect(checkFileSignature('other-secret', id, exp, sig, now)).toBe('invalid');
    expect(checkFileSignature(SECRET, id, exp, `${sig}x`, now)).toBe('invalid');
    expect(checkFileSignature(SECRET, id, '1e9', sig, now)).toBe('invalid');
    expect(checkFileSignature(SECRET, id, undefined, sig, now)).toBe('invalid');
  });

  it("tell the provider's URLs from viewers' (neither passes as the other)", () => {
    const provider = new URL(signFilePath(SECRET, 'f-123', now + 60_000, 'provider'), 'http://x');
    expect(provider.searchParams.get('for')).toBe('provider');
    const pExp = provider.searchParams.get('exp') ?? undefined;
    const pSig = provider.searchParams.get('sig') ?? undefined;
    expect(checkFileSignature(SECRET, 'f-123', pExp, pSig, now, 'provider')).toBe('ok');
    expect(checkFileSignature(SECRET, 'f-123', pExp, pSig, now)).toBe('invalid');
    expect(checkFileSignature(SECRET, id, exp, sig, now, 'provider')).toBe('invalid');
  });
});
