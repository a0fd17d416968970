import { lookup } from 'node:dns/promises';
import { unprocessable } from '@kasa/http';
import type { AddressPolicy } from '../domain/address-policy.ts';
import { hostOf, subscriberUrlProblem } from '../domain/subscriber-url.ts';

/**
 * Refuses (422) a URL webhooks cannot or may not reach: not http(s), credentials in it, or a
 * host that resolves to an address the policy forbids (in production: private, loopback,
 * link-local and the like). Every address the name has must be allowed; the worker checks
 * again on each connection, as a name may point elsewhere later.
 */
export async function checkSubscriberUrl(url: string, policy: AddressPolicy): Promise<void> {
  const problem = subscriberUrlProblem(url);
  if (problem) throw unprocessable(problem, 'invalid_webhook_url');
  const host = hostOf(url);
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch {
    throw unprocessable(`The host ${host} cannot be resolved`, 'invalid_webhook_url');
  }
  for (const { address } of addresses) {
    const refusal = policy.refusal(address);
    if (refusal)
      throw unprocessable(`The URL's host ${host} resolves to ${refusal}`, 'forbidden_webhook_url');
  }
}
