import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/*
 * No SSRF from a flow: a marketer's webhook URL must not reach the machine it runs on, the
 * internal network or a cloud metadata service. The check happens on the address actually
 * connected to (guardedLookup is the connection's own DNS lookup), so a name that resolves to a
 * public address when checked and to a private one a moment later (DNS rebinding) gains nothing.
 */

/** What kind of address a refused one is, in the words of the refusal. */
const RANGES: [kind: string, cidrs: string[]][] = [
  ['loopback', ['127.0.0.0/8', '::1/128']],
  ['private', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']],
  ['link-local', ['169.254.0.0/16', 'fe80::/10']],
  ['carrier-grade NAT', ['100.64.0.0/10']],
  ['unique local', ['fc00::/7', 'fec0::/10']],
  ['multicast', ['224.0.0.0/4', 'ff00::/8']],
  // "This network", IETF protocol assignments, benchmarking, the future-use block and broadcast, the unspecified IPv6 address, discard-only.
  ['reserved', ['0.0.0.0/8', '192.0.0.0/24', '198.18.0.0/15', '240.0.0.0/4', '::/128', '100::/64']],
];

// Node's BlockList also matches IPv4-mapped IPv6 addresses (::ffff:10.0.0.5) against the IPv4 ranges.
const BLOCKS = RANGES.map(([kind, cidrs]) => {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network = '', prefix = ''] = cidr.split('/');
    list.addSubnet(network, Number(prefix), isIP(network) === 6 ? 'ipv6' : 'ipv4');
  }
  return { kind, list };
});

/** "private", "loopback"… for an address no webhook may reach; undefined for a public one. */
export function blockedKind(address: string): string | undefined {
  const family = isIP(address);
  if (family === 0) throw new Error(`"${address}" is not an IP address`);
  return BLOCKS.find(({ list }) => list.check(address, family === 6 ? 'ipv6' : 'ipv4'))?.kind;
}

/** A URL's host as written in NUDGEFLOW_WEBHOOK_ALLOW_PRIVATE: lower case, IPv6 without brackets. */
export function bareHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}

/** Whether the allowance (NUDGEFLOW_WEBHOOK_ALLOW_PRIVATE) names this host, or is "*". */
export function isAllowedHost(host: string, allowPrivate: readonly string[]): boolean {
  const bare = bareHost(host);
  return allowPrivate.some((allowed) => allowed === '*' || bareHost(allowed) === bare);
}

const HOW_TO_ALLOW = 'set NUDGEFLOW_WEBHOOK_ALLOW_PRIVATE to allow it';

/** The call may not go out: a final answer, retrying cannot change it. */
export class AddressRefused extends Error {
  override readonly name = 'AddressRefused';
}

/** For a host written as an IP address (no lookup happens then): the refusal, or undefined. */
export function literalRefusal(host: string, allowPrivate: readonly string[]): AddressRefused | undefined {
  const bare = bareHost(host);
  if (isIP(bare) === 0 || isAllowedHost(bare, allowPrivate)) return undefined;
  const kind = blockedKind(bare);
  return kind ? new AddressRefused(`refused: "${bare}" is a ${kind} address (${HOW_TO_ALLOW})`) : undefined;
}

/** Resolves a name to every address it has (dns.lookup, i.e. what the system resolver answers). */
export type Resolver = (hostname: string, options: LookupOptions) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname, options) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { ...options, all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/**
 * A `lookup` for node:http's request: resolves once, refuses the whole name when any of its
 * addresses is blocked (the connection could pick that one), and hands the connection exactly
 * the addresses it checked. Hosts in `allowPrivate` are resolved without the check.
 */
export function guardedLookup(allowPrivate: readonly string[], resolver: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname, options).then(
      (addresses) => {
        const allowed = isAllowedHost(hostname, allowPrivate);
        for (const { address } of allowed ? [] : addresses) {
          const kind = blockedKind(address);
          if (kind) return callback(new AddressRefused(`refused: "${bareHost(hostname)}" resolves to the ${kind} address ${address} (${HOW_TO_ALLOW})`), '');
        }
        const [first] = addresses;
        if (!first) return callback(Object.assign(new Error(`"${hostname}" has no address`), { code: 'ENOTFOUND' }), '');
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
