import ipaddr from 'ipaddr.js';

/**
 * What an address is, in ipaddr.js's words: `unicast` is an ordinary public address; the others
 * (private, loopback, linkLocal, uniqueLocal, multicast, carrierGradeNat, unspecified, reserved,
 * broadcast, …) reach the fund's own network or nothing at all. IPv4 written as IPv6
 * (`::ffff:10.0.0.1`) is judged as the IPv4 it is. `invalid` when it is no address.
 */
export function classifyAddress(address: string): string {
  if (!ipaddr.isValid(address)) return 'invalid';
  return ipaddr.process(address).range();
}

export interface AddressPolicy {
  /** Null when Kasa may connect to `address`, else why not (for the attempt log and the 422). */
  refusal(address: string): string | null;
}

/**
 * Who webhooks may reach. Outside production, anything (tests and local development use
 * 127.0.0.1). In production only public addresses, so that a subscriber URL cannot make Kasa
 * call into the fund's own network (server-side request forgery), unless the operator named a
 * range on purpose (an accounting server inside the office, say).
 */
export function addressPolicy({
  production,
  allowedRanges = [],
}: {
  production: boolean;
  allowedRanges?: readonly string[];
}): AddressPolicy {
  if (!production) return { refusal: () => null };
  const ranges = allowedRanges.map((range) => ipaddr.parseCIDR(range));
  return {
    refusal(address) {
      const kind = classifyAddress(address);
      if (kind === 'unicast') return null;
      if (kind === 'invalid') return `${address} is not an IP address`;
      const parsed = ipaddr.process(address);
      if (ranges.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits))) {
        return null;
      }
      return `${parsed.toString()} is a ${kind} address, which webhooks may not reach`;
    },
  };
}

/** Whether a WEBHOOK_ALLOWED_PRIVATE_RANGES entry is a range ipaddr.js can read (`10.1.2.0/24`). */
export const isRange = (text: string): boolean => ipaddr.isValidCIDR(text);
