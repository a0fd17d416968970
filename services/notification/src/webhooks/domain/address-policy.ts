import { BlockList, isIP } from 'node:net';

/**
 * Address space that is not the public Internet (IANA's special-purpose registries), by kind,
 * first match wins. A subscriber URL pointing here would make Kasa call into the fund's own
 * network, this machine's services or the cloud's metadata endpoint (server-side request
 * forgery). An IPv4 address written as IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 it is:
 * node's BlockList matches IPv4-mapped addresses against IPv4 ranges. So no IPv6 range below
 * may contain `::ffff:0:0/96`, or it would catch every IPv4 address.
 */
export const SPECIAL_RANGES = {
  unspecified: ['0.0.0.0/8', '::/128'],
  loopback: ['127.0.0.0/8', '::1/128'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
  // 169.254.169.254 is the cloud's metadata endpoint (instance credentials).
  'link-local': ['169.254.0.0/16', 'fe80::/10'],
  'unique-local': ['fc00::/7'],
  'carrier-grade NAT': ['100.64.0.0/10'],
  multicast: ['224.0.0.0/4', 'ff00::/8'],
  broadcast: ['255.255.255.255/32'],
  documentation: ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', '2001:db8::/32', '3fff::/20'],
  benchmarking: ['198.18.0.0/15', '2001:2::/48'],
  // An IPv4 address inside an IPv6 one (NAT64, 6to4, Teredo, IPv4-compatible, SIIT) can lead
  // to any IPv4 address, private ones included.
  'IPv4-embedding': [
    '64:ff9b::/96',
    '64:ff9b:1::/48',
    '2002::/16',
    '2001::/32',
    '::/96',
    '::ffff:0:0:0/96',
    '192.88.99.0/24',
  ],
  // IPv6 outside 2000::/3 (global unicast) is not assigned to anyone, nor is 240.0.0.0/4.
  reserved: [
    '192.0.0.0/24',
    '240.0.0.0/4',
    '2001::/23',
    '100::/8',
    '200::/7',
    '400::/6',
    '800::/5',
    '1000::/4',
    '4000::/2',
    '8000::/1',
  ],
} as const;

export type SpecialKind = keyof typeof SPECIAL_RANGES;

/** `ipv4`/`ipv6` for a canonical address (as DNS and sockets give them), else null. */
export function familyOf(address: string): 'ipv4' | 'ipv6' | null {
  const version = isIP(address);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : null;
}

/** A `network/prefix` range, its network written canonically; null when it is not one. */
export function parseRange(
  text: string,
): { network: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [network = '', prefixText, extra] = text.split('/');
  const family = familyOf(network);
  if (family === null || extra !== undefined) return null;
  const longest = family === 'ipv4' ? 32 : 128;
  if (prefixText === undefined) return { network, prefix: longest, family };
  if (!/^[0-9]{1,3}$/.test(prefixText) || Number(prefixText) > longest) return null;
  return { network, prefix: Number(prefixText), family };
}

function blockListOf(ranges: readonly string[]): BlockList {
  const list = new BlockList();
  for (const text of ranges) {
    const range = parseRange(text)!;
    list.addSubnet(range.network, range.prefix, range.family);
  }
  return list;
}

const SPECIAL_LISTS = Object.entries(SPECIAL_RANGES).map(
  ([kind, ranges]) => [kind as SpecialKind, blockListOf(ranges)] as const,
);

/**
 * The kind of special address `address` is, `public` for an ordinary Internet address, or
 * `invalid` when it is not an address written as DNS and sockets write them: `2130706433`,
 * `0x7f.0.0.1` or `127.1` are never guessed at here (a URL's host is canonicalised by WHATWG
 * URL parsing before it gets here).
 */
export function classifyAddress(address: string): SpecialKind | 'public' | 'invalid' {
  const family = familyOf(address);
  if (family === null) return 'invalid';
  return SPECIAL_LISTS.find(([, list]) => list.check(address, family))?.[0] ?? 'public';
}

/** One address or range that webhooks may reach although it is not public; on every port without one. */
export interface AllowedTarget {
  /** As the operator wrote it (the start log shows it). */
  text: string;
  network: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
  port: number | null;
}

export interface AddressPolicy {
  /** Null when Kasa may connect to `address` on `port`, else why not (for the attempt log and the 422). */
  refusal(address: string, port: number): string | null;
}

/**
 * Who webhooks may reach, in every mode: public addresses, and the targets the operator allowed
 * on purpose (a receiver inside the office; the test receivers on 127.0.0.1).
 */
export function addressPolicy(allowed: readonly AllowedTarget[] = []): AddressPolicy {
  const targets = allowed.map((target) => ({
    ...target,
    list: blockListOf([`${target.network}/${target.prefix}`]),
  }));
  return {
    refusal(address, port) {
      const kind = classifyAddress(address);
      if (kind === 'public') return null;
      if (kind === 'invalid') return `${address} is not an IP address`;
      const family = familyOf(address)!;
      const covering = targets.filter(({ list }) => list.check(address, family));
      if (covering.some((target) => target.port === null || target.port === port)) return null;
      const ports = covering.map((target) => target.port);
      const only = ports.length > 0 ? ` on port ${port} (allowed on ${ports.join(', ')} only)` : '';
      return `${address} is ${articleOf(kind)} ${kind} address, which webhooks may not reach${only}`;
    },
  };
}

const articleOf = (kind: string) => (/^(un[^i]|[aeoI])/.test(kind) ? 'an' : 'a');

/** Whether some address of `kinds` lies in `target`'s range (they overlap). */
export function rangeReaches(target: AllowedTarget, kinds: readonly SpecialKind[]): boolean {
  const own = blockListOf([`${target.network}/${target.prefix}`]);
  return kinds.some((kind) =>
    SPECIAL_RANGES[kind].some((text) => {
      const range = parseRange(text)!;
      // Two ranges overlap exactly when one holds the other's first address.
      return (
        own.check(range.network, range.family) || blockListOf([text]).check(target.network, target.family)
      );
    }),
  );
}
