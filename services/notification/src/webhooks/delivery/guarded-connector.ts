import { type LookupAddress, type LookupAllOptions, lookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
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

/** What answers a name with all its addresses: the system's resolver (dns.lookup), or a test's. */
export type Resolver = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolver: Resolver = (hostname, options, callback) => lookup(hostname, options, callback);

/**
 * dns.lookup without the addresses the policy refuses on `port`. The check happens here, when
 * connecting, and not only when the URL was registered: a name that resolved to a public address
 * then may resolve to 10.0.0.5 now (DNS rebinding).
 */
export function guardedLookup(policy: AddressPolicy, port: number, resolve = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const allowed = addresses.filter(({ address }) => policy.refusal(address, port) === null);
      if (allowed.length === 0) {
        const refusal = policy.refusal(addresses[0]?.address ?? '', port) ?? `${hostname} has no address`;
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
 * undici's connector with the policy applied before and after connecting: a literal address is
 * judged before a socket is opened (it never goes through DNS), a name through guardedLookup,
 * and the address and port the socket is actually connected to once more. The policy may allow
 * an address on some ports only, so each port gets a connector whose lookup knows it.
 */
export function guardedConnector(
  policy: AddressPolicy,
  connectTimeoutMs: number,
  resolve = systemResolver,
): buildConnector.connector {
  const byPort = new Map<number, buildConnector.connector>();
  const connectorFor = (port: number) => {
    let connect = byPort.get(port);
    if (!connect) {
      connect = buildConnector({
        lookup: guardedLookup(policy, port, resolve),
        timeout: connectTimeoutMs,
        allowH2: false,
      });
      byPort.set(port, connect);
    }
    return connect;
  };
  return (options, callback) => {
    const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
    if (isIP(options.hostname) !== 0) {
      const refusal = policy.refusal(options.hostname, port);
      if (refusal) {
        callback(new RefusedAddressError(`${options.hostname}: ${refusal}`), null);
        return;
      }
    }
    connectorFor(port)(options, (error, socket) => {
      if (error) {
        callback(error, null);
        return;
      }
      const refusal = policy.refusal(socket!.remoteAddress ?? '', socket!.remotePort ?? port);
      if (refusal) {
        socket!.destroy();
        callback(new RefusedAddressError(`${options.hostname}: ${refusal}`), null);
      } else {
        callback(null, socket!);
      }
    });
  };
}
