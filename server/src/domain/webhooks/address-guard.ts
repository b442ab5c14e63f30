// Webhooks must not become a way to make the server call into its own network (SSRF). Refused, unless the install
// allows private networks: every special-purpose range of the IANA IPv4 and IPv6 registries (loopback, private,
// link-local with the cloud metadata at 169.254.169.254, documentation, benchmarking, NAT64, 6to4, multicast, ...),
// every IPv6 address outside global unicast, and every address of this host's own interfaces.
//
// A name is resolved ONCE per connection, inside the `lookup` the HTTP request connects with: every answer is
// checked and the socket connects to exactly the checked addresses (no second resolution to rebind).
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import os from 'node:os';

/** IANA IPv4 special-purpose registry (RFC 6890 and successors), plus multicast and the reserved 240/4. */
const SPECIAL_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network" (0.0.0.0 reaches the host itself)
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // shared address space (carrier-grade NAT)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // TEST-NET-1 (documentation)
  ['192.31.196.0', 24], // AS112-v4
  ['192.52.193.0', 24], // AMT
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private
  ['192.175.48.0', 24], // AS112 direct delegation
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, including the limited broadcast 255.255.255.255
];

/**
 * IPv6 special-purpose ranges INSIDE global unicast (2000::/3). Everything outside 2000::/3 is refused as a whole:
 * ::, ::1, ::/96 (IPv4-compatible), ::ffff:0:0:0/96 (translated), 64:ff9b::/96 and 64:ff9b:1::/48 (NAT64),
 * 100::/64 (discard), 5f00::/16 (SRv6), fc00::/7 (unique local), fe80::/10 and fec0::/10 (link and site local),
 * ff00::/8 (multicast). IPv4-mapped addresses (::ffff:0:0/96) are judged by their embedded IPv4 address.
 */
const SPECIAL_V6_IN_GLOBAL: [string, number][] = [
  ['2001::', 23], // IETF protocol assignments: Teredo, benchmarking, ORCHID, ...
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: embeds an arbitrary IPv4 address (deprecated)
  ['2620:4f:8000::', 48], // AS112-v6
  ['3fff::', 20], // documentation
];

const SPECIAL = new BlockList();
for (const [net, prefix] of SPECIAL_V4) SPECIAL.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of SPECIAL_V6_IN_GLOBAL) SPECIAL.addSubnet(net, prefix, 'ipv6');
const GLOBAL_UNICAST = new BlockList();
GLOBAL_UNICAST.addSubnet('2000::', 3, 'ipv6');
// Only ever checked with IPv6 addresses (a BlockList also matches IPv4 addresses against an IPv6 mapped subnet).
const MAPPED = new BlockList();
MAPPED.addSubnet('::ffff:0:0', 96, 'ipv6');

const familyOf = (address: string): 'ipv4' | 'ipv6' | null => {
  const family = isIP(address);
  return family === 4 ? 'ipv4' : family === 6 ? 'ipv6' : null;
};

/** True for an IP address that is not on the public internet (anything that is not an address counts as not public). */
export function isNonPublicAddress(address: string): boolean {
  const family = familyOf(address);
  if (family === null) return true;
  if (family === 'ipv4') return SPECIAL.check(address, 'ipv4');
  // For an IPv4-mapped address, the BlockList applies the IPv4 rules to the embedded address.
  if (MAPPED.check(address, 'ipv6')) return SPECIAL.check(address, 'ipv6');
  return !GLOBAL_UNICAST.check(address, 'ipv6') || SPECIAL.check(address, 'ipv6');
}

/** Every address of this host's network interfaces (a public IP on the host's own interface is the host too). */
export const interfaceAddresses = (): string[] =>
  Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));

/** The request was not made: its target is an address webhooks may not reach. */
export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
}

/** A name to its addresses, every answer (A and AAAA). */
export type Resolve = (host: string) => Promise<string[]>;
const systemResolve: Resolve = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

export interface AddressGuardOptions {
  /** Injected by tests; the system resolver (getaddrinfo, /etc/hosts included) by default. */
  resolve?: Resolve;
  /** Addresses of this host; read again for every check, as interfaces come and go. */
  ownAddresses?: () => string[];
}

export function createAddressGuard({
  resolve = systemResolve,
  ownAddresses = interfaceAddresses,
}: AddressGuardOptions = {}) {
  function refuses(address: string): boolean {
    if (isNonPublicAddress(address)) return true;
    const own = new BlockList();
    for (const a of ownAddresses()) {
      const family = familyOf(a.split('%')[0]!);
      if (family) own.addAddress(a.split('%')[0]!, family);
    }
    return own.check(address, familyOf(address)!);
  }

  /**
   * For net.connect / http.request: resolves the name once, refuses it when ANY answer is refused (a rebinding
   * name may mix a public and an internal answer), and hands the checked answers to the socket.
   */
  const lookup: LookupFunction = (hostname, options: LookupOptions, callback) => {
    resolve(hostname)
      .then((addresses) => {
        const refused = addresses.find(refuses);
        if (refused !== undefined)
          throw new RefusedAddressError(`${hostname} resolves to ${refused}, which webhooks may not reach`);
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const answers: LookupAddress[] = addresses
          .map((address) => ({ address, family: isIP(address) }))
          .filter((a) => wanted === 0 || a.family === wanted);
        if (answers.length === 0)
          throw Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
        if (options.all) callback(null, answers);
        else callback(null, answers[0]!.address, answers[0]!.family);
      })
      .catch((err: NodeJS.ErrnoException) => callback(err, ''));
  };

  return { refuses, lookup };
}
export type AddressGuard = ReturnType<typeof createAddressGuard>;

/** The hostname of a URL, without IPv6 brackets. */
export const hostOf = (url: string): string => new URL(url).hostname.replace(/^\[|\]$/g, '');

/** A URL whose host is written as a refused address or as localhost: refused when it is saved. */
export function isObviouslyInternal(url: string, guard: Pick<AddressGuard, 'refuses'>): boolean {
  const host = hostOf(url).toLowerCase().replace(/\.$/, ''); // `localhost.` is localhost
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return isIP(host) !== 0 && guard.refuses(host);
}
