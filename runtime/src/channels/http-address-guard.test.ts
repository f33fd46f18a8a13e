import type { LookupAddress, LookupOptions } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { AddressRefused, blockedKind, guardedLookup, isAllowedHost, literalRefusal, type Resolver } from './http-address-guard';

describe('blockedKind', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.20', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.254', 'carrier-grade NAT'],
    ['fd12:3456::1', 'unique local'],
    ['fc00::1', 'unique local'],
    ['224.0.0.251', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'reserved'],
    ['::', 'reserved'],
    ['255.255.255.255', 'reserved'],
    // IPv4-mapped IPv6, in both spellings.
    ['::ffff:10.0.0.5', 'private'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
  ])('%s is %s', (address, kind) => {
    expect(blockedKind(address)).toBe(kind);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) => {
    expect(blockedKind(address)).toBeUndefined();
  });
});

describe('the allowance', () => {
  it('names hosts exactly (case-insensitive, IPv6 with or without brackets), or "*"', () => {
    expect(isAllowedHost('Hooks.Internal', ['hooks.internal'])).toBe(true);
    expect(isAllowedHost('[::1]', ['::1'])).toBe(true);
    expect(isAllowedHost('localhost', ['127.0.0.1'])).toBe(false);
    expect(isAllowedHost('a.hooks.internal', ['hooks.internal'])).toBe(false);
    expect(isAllowedHost('anything', ['*'])).toBe(true);
    expect(isAllowedHost('anything', [])).toBe(false);
  });

  it('refuses a blocked IP literal that is not allowed', () => {
    expect(literalRefusal('10.0.0.5', [])?.message).toBe('refused: "10.0.0.5" is a private address (set NUDGEFLOW_WEBHOOK_ALLOW_PRIVATE to allow it)');
    expect(literalRefusal('[::1]', ['127.0.0.1'])?.message).toBe('refused: "::1" is a loopback address (set NUDGEFLOW_WEBHOOK_ALLOW_PRIVATE to allow it)');
    expect(literalRefusal('10.0.0.5', ['10.0.0.5'])).toBeUndefined();
    expect(literalRefusal('8.8.8.8', [])).toBeUndefined();
    expect(literalRefusal('shop.example', [])).toBeUndefined();
  });
});

/** A resolver with fixed answers that counts its calls. */
function fakeResolver(answers: Record<string, string[]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolver = async (hostname: string): Promise<LookupAddress[]> => {
    calls.push(hostname);
    const addresses = answers[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolver, { calls });
}

type Answer = { error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family: number | undefined };

function lookUp(lookup: ReturnType<typeof guardedLookup>, hostname: string, options: LookupOptions = {}): Promise<Answer> {
  return new Promise((resolve) => lookup(hostname, options, (error, address, family) => resolve({ error, address, family })));
}

describe('guardedLookup', () => {
  const resolver = fakeResolver({
    'shop.example': ['93.184.216.34', '2606:2800:220:1::1'],
    'internal.example': ['10.0.0.5'],
    'mixed.example': ['93.184.216.34', '169.254.169.254'],
  });

  it('hands the connection the addresses it checked, in the form asked for', async () => {
    expect(await lookUp(guardedLookup([], resolver), 'shop.example')).toEqual({ error: null, address: '93.184.216.34', family: 4 });
    expect(await lookUp(guardedLookup([], resolver), 'shop.example', { all: true })).toEqual({
      error: null,
      address: [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:2800:220:1::1', family: 6 },
      ],
      family: undefined,
    });
  });

  it('refuses a name that resolves to an internal address, naming both', async () => {
    const { error } = await lookUp(guardedLookup(['shop.example'], resolver), 'internal.example');
    expect(error).toBeInstanceOf(AddressRefused);
    expect(error?.message).toBe('refused: "internal.example" resolves to the private address 10.0.0.5 (set NUDGEFLOW_WEBHOOK_ALLOW_PRIVATE to allow it)');
  });

  it('refuses the whole name when any of its addresses is internal', async () => {
    const { error } = await lookUp(guardedLookup([], resolver), 'mixed.example', { all: true });
    expect(error?.message).toBe('refused: "mixed.example" resolves to the link-local address 169.254.169.254 (set NUDGEFLOW_WEBHOOK_ALLOW_PRIVATE to allow it)');
  });

  it('lets an allowed name resolve to an internal address', async () => {
    expect(await lookUp(guardedLookup(['internal.example'], resolver), 'internal.example')).toEqual({ error: null, address: '10.0.0.5', family: 4 });
  });

  it('passes resolver errors on as they are (retryable network errors)', async () => {
    const { error } = await lookUp(guardedLookup([], resolver), 'nowhere.example');
    expect([error?.message, error?.code]).toEqual(['getaddrinfo ENOTFOUND nowhere.example', 'ENOTFOUND']);
  });
});
