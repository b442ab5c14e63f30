import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import {
  createAddressGuard,
  interfaceAddresses,
  isNonPublicAddress,
  isObviouslyInternal,
  RefusedAddressError,
  type Resolve,
} from './address-guard.js';

/** Each special-purpose range, by addresses at its start, inside and at its end. */
const REFUSED: Record<string, string[]> = {
  '0.0.0.0/8': ['0.0.0.0', '0.1.2.3', '0.255.255.255'],
  '10.0.0.0/8': ['10.0.0.0', '10.1.2.3', '10.255.255.255'],
  '100.64.0.0/10': ['100.64.0.0', '100.127.255.255'],
  '127.0.0.0/8': ['127.0.0.1', '127.255.255.254'],
  '169.254.0.0/16': ['169.254.169.254', '169.254.0.1'],
  '172.16.0.0/12': ['172.16.0.1', '172.31.255.255'],
  '192.0.0.0/24': ['192.0.0.0', '192.0.0.170', '192.0.0.255'],
  '192.0.2.0/24': ['192.0.2.0', '192.0.2.2', '192.0.2.255'],
  '192.88.99.0/24': ['192.88.99.1'],
  '192.168.0.0/16': ['192.168.0.1', '192.168.255.255'],
  '198.18.0.0/15': ['198.18.0.1', '198.19.255.255'],
  '198.51.100.0/24': ['198.51.100.0', '198.51.100.7', '198.51.100.255'],
  '203.0.113.0/24': ['203.0.113.0', '203.0.113.9', '203.0.113.255'],
  '224.0.0.0/4': ['224.0.0.1', '239.255.255.255'],
  '240.0.0.0/4': ['240.0.0.1', '255.255.255.254', '255.255.255.255'],
  '::/128, ::1/128': ['::', '::1', '0:0:0:0:0:0:0:1'],
  '::ffff:0:0/96 (embedded v4 refused)': [
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '::ffff:192.0.2.2',
  ],
  '::/96 (IPv4-compatible)': ['::7f00:1', '::127.0.0.1', '::8.8.8.8', '::a00:1'],
  '::ffff:0:0:0/96 (translated)': ['::ffff:0:808:808'],
  '64:ff9b::/96 (NAT64)': ['64:ff9b::7f00:1', '64:ff9b::8.8.8.8', '64:ff9b::a9fe:a9fe'],
  '64:ff9b:1::/48 (local NAT64)': ['64:ff9b:1::1', '64:ff9b:1:ffff::a00:1'],
  '100::/64 (discard)': ['100::', '100::1'],
  '2001::/23': ['2001::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2', '2001:1ff::1', '2001:2::1'],
  '2001:db8::/32': ['2001:db8::1', '2001:db8:ffff::1'],
  '2002::/16 (6to4)': ['2002:7f00:1::', '2002:a9fe:a9fe::1', '2002:808:808::1'],
  '3fff::/20': ['3fff::1'],
  '5f00::/16': ['5f00::1'],
  'fc00::/7': ['fc00::1', 'fd00::2', 'fdff:ffff::1'],
  'fe80::/10': ['fe80::1', 'fe80::fc:ff:fe00:1', 'febf::1'],
  'fec0::/10': ['fec0::1'],
  'ff00::/8': ['ff02::1', 'ff05::2'],
  'not an address': ['', 'localhost', '1.2.3', '::g'],
};
const PUBLIC = [
  '8.8.8.8',
  '1.1.1.1',
  '93.184.216.34',
  '172.32.0.1',
  '192.0.3.1',
  '198.51.99.1',
  '203.0.114.1',
  '100.128.0.1',
  '::ffff:8.8.8.8',
  '2606:4700::1111',
  '2001:4860:4860::8888',
  '2a00:1450:4001::1',
];

describe('webhook address guard', () => {
  it.each(Object.entries(REFUSED))('refuses %s', (_range, addresses) => {
    for (const a of addresses) expect(isNonPublicAddress(a), a).toBe(true);
  });

  it('lets public addresses through', () => {
    for (const a of PUBLIC) expect(isNonPublicAddress(a), a).toBe(false);
  });

  it("refuses this host's own interface addresses, even public ones, in every spelling", () => {
    const guard = createAddressGuard({ ownAddresses: () => ['93.184.216.34', '2606:4700::1111'] });
    for (const a of ['93.184.216.34', '::ffff:93.184.216.34', '2606:4700:0::1111'])
      expect(guard.refuses(a), a).toBe(true);
    expect(guard.refuses('8.8.8.8')).toBe(false);
    // The real interfaces are read by default.
    const real = createAddressGuard();
    for (const a of interfaceAddresses()) expect(real.refuses(a.split('%')[0]!), a).toBe(true);
  });

  it('refuses URLs written with an internal host when saved', () => {
    const guard = createAddressGuard({ ownAddresses: () => ['93.184.216.34'] });
    for (const url of [
      'http://localhost:3000/x',
      'http://api.localhost/x',
      'http://localhost./x',
      'http://127.0.0.1/x',
      'http://2130706433/x', // 127.0.0.1 as one number
      'http://0x7f.1/x',
      'http://[::1]/x',
      'http://[::ffff:127.0.0.1]/x',
      'http://[64:ff9b::a9fe:a9fe]/latest',
      'http://[2002:7f00:1::]/x',
      'http://169.254.169.254/latest',
      'http://192.0.2.1/x',
      'http://198.51.100.1/x',
      'http://203.0.113.1/x',
      'http://93.184.216.34/own-address',
    ])
      expect(isObviouslyInternal(url, guard), url).toBe(true);
    expect(isObviouslyInternal('https://hooks.example.com/in', guard)).toBe(false);
    expect(isObviouslyInternal('https://8.8.8.8/in', guard)).toBe(false);
  });

  describe('lookup (what the socket connects to)', () => {
    /** Calls the guard's lookup the way net.connect does. */
    const lookup = (resolve: Resolve, all: boolean, family = 0) =>
      new Promise<string[]>((done, fail) =>
        createAddressGuard({ resolve, ownAddresses: () => [] }).lookup(
          'hooks.example',
          { all, family },
          (err, address) => {
            if (err) fail(err);
            else done(Array.isArray(address) ? address.map((a: LookupAddress) => a.address) : [address]);
          },
        ),
      );

    it('resolves once and hands the socket exactly the checked answers', async () => {
      let calls = 0;
      const resolve: Resolve = async () =>
        ++calls === 1 ? ['93.184.216.34', '2606:4700::1111'] : ['127.0.0.1'];
      expect(await lookup(resolve, true)).toEqual(['93.184.216.34', '2606:4700::1111']);
      expect(calls).toBe(1);
      calls = 0;
      expect(await lookup(resolve, false)).toEqual(['93.184.216.34']);
      expect(await lookup(async () => ['93.184.216.34', '2606:4700::1111'], false, 6)).toEqual([
        '2606:4700::1111',
      ]);
    });

    it('refuses the name when any answer is internal, whatever the order', async () => {
      for (const answers of [
        ['93.184.216.34', '10.0.0.5'],
        ['10.0.0.5', '93.184.216.34'],
        ['2606:4700::1111', '::ffff:127.0.0.1'],
        ['64:ff9b::7f00:1'],
      ]) {
        await expect(
          lookup(async () => answers, true),
          answers.join(),
        ).rejects.toBeInstanceOf(RefusedAddressError);
        await expect(
          lookup(async () => answers, false),
          answers.join(),
        ).rejects.toBeInstanceOf(RefusedAddressError);
      }
    });

    it('passes resolver failures on as they are', async () => {
      const failure = Object.assign(new Error('getaddrinfo ENOTFOUND hooks.example'), { code: 'ENOTFOUND' });
      await expect(
        lookup(async () => {
          throw failure;
        }, true),
      ).rejects.toBe(failure);
      await expect(lookup(async () => [], true)).rejects.toMatchObject({ code: 'ENOTFOUND' });
    });
  });
});
