import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createFirstAdmin } from '../../../auth/src/application/create-first-admin.ts';
import type { Answer, Body } from '../../../mobile-gateway/test/support/clients.ts';
import type { KasaUnderTest } from '../../../mobile-gateway/test/support/kasa-under-test.ts';

type AdminClient = (method: string, path: string, body?: Body, token?: string) => Promise<Answer>;

export interface StaffSession {
  id: number;
  login: string;
  token: string;
}

/** Signs in with a one-time password and changes it, as a new staff user does first: their token. */
export async function firstSignIn(
  admin: AdminClient,
  login: string,
  oneTimePassword: string,
): Promise<string> {
  const signedIn = await admin('POST', '/signin', { login, password: oneTimePassword });
  assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
  const changed = await admin(
    'POST',
    '/user/change_password',
    { old_password: oneTimePassword, new_password: `quiet harbour ${randomBytes(6).toString('hex')}` },
    signedIn.body.access_token,
  );
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  return changed.body.access_token;
}

/** The installation's first administrator, signed in: programs they save nest them as their author. */
export async function rootSession(kasa: KasaUnderTest, admin: AdminClient): Promise<StaffSession> {
  const login = 'root';
  const outcome = await createFirstAdmin(kasa.auth.context.messaging.unitOfWork, {
    login,
    name: 'Head of the fund',
    email: 'head@example.org',
  });
  if (outcome.kind !== 'created') throw new Error(outcome.reason);
  const { user, password } = outcome.created;
  return { id: user.id, login, token: await firstSignIn(admin, login, password) };
}

/** A staff user made by `root`, signed in. */
export async function staffSession(
  admin: AdminClient,
  root: StaffSession,
  login: string,
  role: 'admin' | 'staff' = 'staff',
): Promise<StaffSession> {
  const created = await admin(
    'PUT',
    '/user',
    { login, name: `Clerk ${login}`, email: `${login}@example.org`, is_active: true, role },
    root.token,
  );
  assert.equal(created.status, 200, JSON.stringify(created.body));
  return {
    id: created.body.data.id,
    login,
    token: await firstSignIn(admin, login, created.body.data.password),
  };
}
