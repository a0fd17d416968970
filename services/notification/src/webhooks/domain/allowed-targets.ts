import { type AllowedTarget, parseRange, rangeReaches, type SpecialKind } from './address-policy.ts';

/** What a target must not open on every port in production: this machine itself and the metadata endpoint. */
const MACHINE_KINDS: readonly SpecialKind[] = ['loopback', 'unspecified', 'link-local'];

/**
 * One entry of WEBHOOK_ALLOWED_TARGETS: an address or a `network/prefix` range, optionally with
 * a port (`10.20.0.0/16`, `10.20.0.7:8443`, `127.0.0.1`, `[::1]:9000`, `fd00:1::/32`,
 * `[fd00:1::/32]:443`; an IPv6 entry with a port is bracketed). Addresses are written as DNS
 * writes them (`127.0.0.1`, not `2130706433`). Host names are not accepted: a name can be
 * pointed elsewhere at any time, which is what the guard stands against. Null when unreadable.
 */
export function parseAllowedTarget(text: string): AllowedTarget | null {
  let rangeText = text;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(text);
  if (bracketed) {
    rangeText = bracketed[1]!;
    portText = bracketed[2];
  } else if (text.split(':').length === 2) {
    [rangeText, portText] = text.split(':') as [string, string];
  }
  const range = parseRange(rangeText);
  if (range === null || (bracketed && range.family !== 'ipv6')) return null;
  if (portText === undefined) return { text, ...range, port: null };
  const port = /^[0-9]{1,5}$/.test(portText) ? Number(portText) : 0;
  if (port < 1 || port > 65_535) return null;
  return { text, ...range, port };
}

/** The entries of a comma-separated list, or the first one that cannot be read. */
export function parseAllowedTargets(
  list: string,
): { targets: AllowedTarget[]; unreadable: null } | { targets: null; unreadable: string } {
  const targets: AllowedTarget[] = [];
  for (const entry of list
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const target = parseAllowedTarget(entry);
    if (target === null) return { targets: null, unreadable: entry };
    targets.push(target);
  }
  return { targets, unreadable: null };
}

/**
 * The targets that open this machine (loopback, 0.0.0.0) or the link-local range on every port:
 * the database, the broker, Kasa's own services and the cloud's metadata endpoint all live
 * there, so production takes such an entry only with the receiver's port named.
 */
export const wideOpenMachineTargets = (targets: readonly AllowedTarget[]): AllowedTarget[] =>
  targets.filter((target) => target.port === null && rangeReaches(target, MACHINE_KINDS));
