/**
 * Refuses private, loopback, link-local and other non-public addresses (SSRF guard), unless the
 * configuration names them as allowed. IPv4, IPv6 and IPv4 inside IPv6 (::ffff:127.0.0.1) alike.
 */
import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import { FetchError } from './fetch-error.js';

/** Ranges no watched URL may reach: RFC 6890 special-purpose blocks, multicast and reserved space. */
const BLOCKED_V4: ReadonlyArray<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const BLOCKED_V6: ReadonlyArray<[string, number]> = [
  ['::', 128],
  ['::1', 128],
  // IPv4-translated (SIIT, ::ffff:0:a.b.c.d): no public host has one, and a stack may route it to the IPv4 inside.
  ['::ffff:0:0:0', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
];

const blockList = new BlockList();
for (const [net, prefix] of BLOCKED_V4) blockList.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of BLOCKED_V6) blockList.addSubnet(net, prefix, 'ipv6');

/** The 16 bytes of an IPv6 address, or null when it is not one. */
export function parseIpv6(address: string): number[] | null {
  let text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIP(text) !== 6) return null;
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const parts = dotted[1].split('.').map(Number);
    text =
      text.slice(0, -dotted[1].length) +
      `${(((parts[0] ?? 0) << 8) | (parts[1] ?? 0)).toString(16)}:${(((parts[2] ?? 0) << 8) | (parts[3] ?? 0)).toString(16)}`;
  }
  const [head = '', rest] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const fill = rest === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0');
  const groups = [...left, ...fill, ...right];
  if (groups.length !== 8) return null;
  for (const group of groups) {
    const n = parseInt(group, 16);
    tail.push(n >> 8, n & 0xff);
  }
  return tail;
}

/** The IPv4 address an IPv6 address carries (mapped ::ffff:a.b.c.d, translated ::ffff:0:a.b.c.d, compatible ::a.b.c.d, NAT64, 6to4), if any. */
export function embeddedIpv4(address: string): string | null {
  const b = parseIpv6(address);
  if (!b) return null;
  const isZero = (from: number, to: number): boolean => b.slice(from, to).every((x) => x === 0);
  const v4 = (at: number): string => b.slice(at, at + 4).join('.');
  if (isZero(0, 10) && b[10] === 0xff && b[11] === 0xff) return v4(12);
  if (isZero(0, 8) && b[8] === 0xff && b[9] === 0xff && isZero(10, 12)) return v4(12);
  if (isZero(0, 12) && !isZero(12, 16)) return v4(12);
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && isZero(4, 12)) return v4(12);
  if (b[0] === 0x20 && b[1] === 0x02) return v4(2);
  return null;
}

/** True when the address is not a public unicast address (or carries one that is not). */
export function isForbiddenAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return blockList.check(bare, 'ipv4');
  if (family !== 6) return true;
  const v4 = embeddedIpv4(bare);
  if (v4 !== null && isForbiddenAddress(v4)) return true;
  return blockList.check(bare, 'ipv6');
}

/** The canonical text of an address, so `::ffff:127.0.0.1` and `127.0.0.1` compare equal in allow lists. */
export function canonicalAddress(address: string): string {
  const bare = address
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '')
    .toLowerCase();
  if (isIP(bare) !== 6) return bare;
  const b = parseIpv6(bare);
  if (b && b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff) return b.slice(12).join('.');
  return b
    ? Array.from({ length: 8 }, (_, i) => (((b[2 * i] ?? 0) << 8) | (b[2 * i + 1] ?? 0)).toString(16)).join(':')
    : bare;
}

export interface AddressGuardOptions {
  /** Addresses allowed even though they are private (tests allow 127.0.0.1). */
  allowAddresses?: readonly string[];
}

export interface ResolvedHost {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves a host name and checks every address it resolves to; they are returned for connecting, so the
 * addresses checked are the addresses used (no second lookup an attacker's DNS could answer differently).
 */
export async function resolvePublicHost(
  hostname: string,
  url: string,
  options: AddressGuardOptions = {},
): Promise<ResolvedHost[]> {
  const host = hostname.replace(/^\[|\]$/g, '');
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch (error) {
      throw new FetchError(
        'fetch/dns',
        `${url}: cannot resolve ${host} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  if (addresses.length === 0) throw new FetchError('fetch/dns', `${url}: ${host} resolves to no address`);
  const allowed = new Set((options.allowAddresses ?? []).map(canonicalAddress));
  for (const { address } of addresses) {
    if (isForbiddenAddress(address) && !allowed.has(canonicalAddress(address))) {
      throw new FetchError(
        'fetch/forbidden-address',
        `${url}: ${host} resolves to ${address}, a private, loopback or reserved address (allow it with fetch.allowAddresses)`,
      );
    }
  }
  return addresses.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
}
