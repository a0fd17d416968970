import { type LookupAddress, lookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { buildConnector } from 'undici';
import type { AddressPolicy } from '../domain/address-policy.ts';

/** A connection the address policy forbids: never opened, or closed before a byte was sent. */
export class RefusedAddressError extends Error {
  readonly code = 'WEBHOOK_ADDRESS_REFUSED';

  constructor(message: string) {
    super(message);
    this.name = 'RefusedAddressError';
  }
}

/**
 * dns.lookup without the addresses the policy refuses. The check happens here, when connecting,
 * and not only when the URL was registered: a name that resolved to a public address then may
 * resolve to 10.0.0.5 now (DNS rebinding).
 */
export function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const allowed = addresses.filter(({ address }) => policy.refusal(address) === null);
      if (allowed.length === 0) {
        const refusal = policy.refusal(addresses[0]?.address ?? '') ?? `${hostname} has no address`;
        callback(new RefusedAddressError(`${hostname}: ${refusal}`) as NodeJS.ErrnoException, '', 0);
      } else if (options.all) {
        (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, allowed);
      } else {
        callback(null, allowed[0]!.address, allowed[0]!.family);
      }
    });
  };
}

/**
 * undici's connector with the policy applied twice: to what DNS answers, and to the address the
 * socket is actually connected to (a URL with a literal IP never goes through DNS).
 */
export function guardedConnector(policy: AddressPolicy, connectTimeoutMs: number): buildConnector.connector {
  const connect = buildConnector({
    lookup: guardedLookup(policy),
    timeout: connectTimeoutMs,
    allowH2: false,
  });
  return (options, callback) =>
    connect(options, (error, socket) => {
      if (error) {
        callback(error, null);
        return;
      }
      const refusal = policy.refusal(socket!.remoteAddress ?? '');
      if (refusal) {
        socket!.destroy();
        callback(new RefusedAddressError(`${options.hostname}: ${refusal}`), null);
      } else {
        callback(null, socket!);
      }
    });
}
