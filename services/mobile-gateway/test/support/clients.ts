import assert from 'node:assert/strict';
import { eventually } from '@kasa/testing';
import type { KasaUnderTest } from './kasa-under-test.ts';

export type Body = object | FormData | undefined;

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests check answers field by field
  body: any;
}

/** A call as an app makes it: JSON or a form, the token as a bearer; JSON answers parsed. */
export async function call(
  base: string,
  method: string,
  path: string,
  body: Body,
  token?: string,
): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body instanceof FormData ? { body } : body ? { body: JSON.stringify(body) } : {}),
  });
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    headers: response.headers,
    body: type.includes('json') ? await response.json() : Buffer.from(await response.arrayBuffer()),
  };
}

export const file = (bytes: Buffer, name: string, type: string) => new File([bytes], name, { type });

/**
 * The mobile app's and the admin site's calls, and a member's sign-up by SMS, for a test file
 * whose Kasa and administrator's token are made in its `before`.
 */
export function clientsOf(kasaOf: () => KasaUnderTest, adminToken: () => string) {
  const mobile = (method: string, path: string, body?: Body, token?: string) =>
    call(kasaOf().mobileUrl, method, path, body, token);
  const admin = (method: string, path: string, body?: Body, token: string = adminToken()) =>
    call(kasaOf().adminUrl, method, path, body, token);

  /** Signs a new phone up by the code the local Twilio received; the member's token. */
  async function signUp(phone: string): Promise<string> {
    assert.equal((await mobile('POST', '/user/signrequest', { phone, create: true })).status, 200);
    const text = await eventually(
      async () => kasaOf().twilio.messages.find((message) => message.to === phone) ?? null,
      { timeoutMs: 15_000, message: 'the sign-in SMS' },
    );
    const code = /\b(\d{6})\b/.exec(text.body)![1]!;
    const signedIn = await mobile('POST', '/user/signin', { phone, code });
    assert.equal(signedIn.status, 200);
    return signedIn.body.access_token;
  }

  return { mobile, admin, signUp };
}
