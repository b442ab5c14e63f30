import { describe, expect, it } from 'vitest';
import { assertPublicTarget, isNonPublicAddress, isObviouslyInternal } from './address-guard.js';

describe('webhook address guard', () => {
  it('knows loopback, private, link-local, mapped and reserved addresses from public ones', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '255.255.255.255',
    ])
      expect(isNonPublicAddress(a), a).toBe(true);
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '172.32.0.1'])
      expect(isNonPublicAddress(a), a).toBe(false);
  });

  it('refuses URLs written with an internal host when saved', () => {
    for (const url of [
      'http://localhost:3000/x',
      'http://api.localhost/x',
      'http://127.0.0.1/x',
      'http://[::1]/x',
      'http://169.254.169.254/latest',
    ])
      expect(isObviouslyInternal(url), url).toBe(true);
    expect(isObviouslyInternal('https://hooks.example.com/in')).toBe(false);
  });

  it('refuses, before each request, a public name that resolves to an internal address', async () => {
    await expect(
      assertPublicTarget('https://rebind.example/x', async () => ['93.184.216.34', '10.0.0.5']),
    ).rejects.toThrow('refused: rebind.example resolves to 10.0.0.5');
    await expect(
      assertPublicTarget('https://ok.example/x', async () => ['93.184.216.34']),
    ).resolves.toBeUndefined();
  });
});
