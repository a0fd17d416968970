import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { unprocessable } from '@kasa/http';
import type { AddressPolicy } from '../domain/address-policy.ts';
import { hostOf, portOf, subscriberUrlProblem } from '../domain/subscriber-url.ts';

/**
 * Refuses (422) a URL webhooks cannot or may not reach: not http(s), credentials in it, or a
 * host that is or resolves to an address the policy forbids (loopback, private, link-local and
 * the like, unless WEBHOOK_ALLOWED_TARGETS opens it). Every address the name has must be
 * allowed; the worker checks again on each connection, as a name may point elsewhere later.
 */
export async function checkSubscriberUrl(url: string, policy: AddressPolicy): Promise<void> {
  const problem = subscriberUrlProblem(url);
  if (problem) throw unprocessable(problem, 'invalid_webhook_url');
  const host = hostOf(url);
  const port = portOf(url);
  if (isIP(host) !== 0) {
    const refusal = policy.refusal(host, port);
    if (refusal) throw unprocessable(`The URL's host ${refusal}`, 'forbidden_webhook_url');
    return;
  }
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch {
    throw unprocessable(`The host ${host} cannot be resolved`, 'invalid_webhook_url');
  }
  for (const { address } of addresses) {
    const refusal = policy.refusal(address, port);
    if (refusal)
      throw unprocessable(
        `The URL's host ${host} resolves to a forbidden address: ${refusal}`,
        'forbidden_webhook_url',
      );
  }
}
