import { StaffRole, StaffUser, TokenPair } from '@kasa/contracts';
import {
  type AuthUser,
  type HttpApp,
  registerJwtAuth,
  requireAuth,
  requireRole,
  unauthorized,
} from '@kasa/http';
import { Type } from 'typebox';
import { changeStaffPassword } from '../application/change-staff-password.ts';
import { createStaffUser } from '../application/create-staff-user.ts';
import { deleteStaffUser } from '../application/delete-staff-user.ts';
import { signInStaff } from '../application/sign-in-staff.ts';
import { staffUserFor, staffUsersFor } from '../application/staff-users.ts';
import { updateStaffUser } from '../application/update-staff-user.ts';
import type { AuthDeps } from '../deps.ts';
import { staffUserView } from './staff-user.view.ts';

const Login = Type.String({
  pattern: '^[A-Za-z0-9._-]{3,64}$',
  description: '3 to 64 letters, digits, dots, dashes or underscores',
});
const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const Email = Type.String({ format: 'email', maxLength: 254 });
/** Optional: empty or null means none. */
const Phone = Type.Union([Type.String({ pattern: '^(\\+?[0-9]{5,15})?$' }), Type.Null()]);
/** Long enough for any passphrase; the policy's own limit answers in words. */
const Password = Type.String({ minLength: 1, maxLength: 1024 });
const UserId = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 4_294_967_295 }) });
const Tokens = TokenPair.properties;

const phoneOf = (phone: string | null | undefined) => (phone === undefined ? undefined : phone || null);

/** The caller, by the verified token's subject. */
function actorId(request: { user: AuthUser }): number {
  const id = Number(request.user.sub);
  if (!Number.isSafeInteger(id) || id < 1) throw unauthorized();
  return id;
}

/**
 * Staff sign-in and accounts. Verifies staff tokens (the admin gateway passes the caller's
 * on) in a scope of its own, so the member routes beside it stay as they are.
 */
export function staffRoutes(deps: AuthDeps) {
  return async function staffRoutesPlugin(app: HttpApp): Promise<void> {
    await registerJwtAuth(app, {
      publicKey: deps.keys.publicKeyPem,
      algorithms: ['EdDSA'],
      issuer: deps.jwtIssuer,
      audience: 'staff',
    });
    // On request, before the body is read: who may not call a route learns nothing about its input.
    const signedIn = { onRequest: requireAuth() };
    const admin = { onRequest: [requireAuth(), requireRole('admin')] };

    app.post(
      '/staff/sign-in',
      {
        schema: {
          summary: 'Trade a login and password for tokens',
          description:
            'One answer (401) for an unknown login, a wrong password and a blocked account. After 5 wrong ' +
            'passwords in a row the account is locked (429 with Retry-After) for a minute, doubling up to an hour.',
          body: Type.Object({
            login: Type.String({ minLength: 1, maxLength: 64 }),
            password: Password,
          }),
          response: { 200: Type.Object({ ...Tokens, user: StaffUser }) },
        },
      },
      async (request) => {
        const { user, ...tokens } = await signInStaff(deps, request.body.login, request.body.password);
        return { ...tokens, user: staffUserView(user) };
      },
    );

    app.get(
      '/staff/users',
      {
        ...admin,
        schema: {
          summary: 'Every staff account (administrators only)',
          response: { 200: Type.Object({ users: Type.Array(StaffUser) }) },
        },
      },
      async (request) => ({ users: (await staffUsersFor(deps, actorId(request))).map(staffUserView) }),
    );

    app.get(
      '/staff/users/:id',
      {
        ...admin,
        schema: {
          summary: 'One staff account (administrators only)',
          params: UserId,
          response: { 200: StaffUser },
        },
      },
      async (request) => staffUserView(await staffUserFor(deps, actorId(request), request.params.id)),
    );

    app.post(
      '/staff/users',
      {
        ...admin,
        schema: {
          summary: 'Create a staff account with a generated one-time password',
          description: 'The password is in this answer only; the user must change it at the first sign-in.',
          body: Type.Object({
            login: Login,
            name: Name,
            email: Email,
            phone: Type.Optional(Phone),
            role: Type.Optional(StaffRole),
            is_active: Type.Optional(Type.Boolean()),
          }),
          response: { 201: Type.Object({ user: StaffUser, password: Type.String() }) },
        },
      },
      async (request, reply) => {
        const { login, name, email, phone, role = 'staff', is_active = true } = request.body;
        const created = await createStaffUser(deps, actorId(request), {
          login,
          name: name.trim(),
          email,
          phone: phoneOf(phone) ?? null,
          role,
          isActive: is_active,
        });
        return reply.code(201).send({ user: staffUserView(created.user), password: created.password });
      },
    );

    app.patch(
      '/staff/users/:id',
      {
        ...admin,
        schema: {
          summary: 'Edit, block, unblock, promote or demote a staff account',
          description:
            'Blocking ends their sessions. Nobody blocks or demotes themselves or the last active administrator (409).',
          params: UserId,
          body: Type.Object({
            login: Type.Optional(Login),
            name: Type.Optional(Name),
            email: Type.Optional(Email),
            phone: Type.Optional(Phone),
            role: Type.Optional(StaffRole),
            is_active: Type.Optional(Type.Boolean()),
          }),
          response: { 200: StaffUser },
        },
      },
      async (request) => {
        const { login, name, email, phone, role, is_active } = request.body;
        const user = await updateStaffUser(deps, actorId(request), request.params.id, {
          login,
          name: name?.trim(),
          email,
          phone: phoneOf(phone),
          role,
          isActive: is_active,
        });
        return staffUserView(user);
      },
    );

    app.delete(
      '/staff/users/:id',
      {
        ...admin,
        schema: {
          summary: 'Delete a staff account',
          description: 'Nobody deletes themselves or the last active administrator (409).',
          params: UserId,
          response: { 200: Type.Object({ message: Type.String() }) },
        },
      },
      async (request) => {
        await deleteStaffUser(deps, actorId(request), request.params.id);
        return { message: 'User deleted successfully' };
      },
    );

    app.post(
      '/staff/users/:id/password',
      {
        ...signedIn,
        schema: {
          summary: 'Change your own password, or (administrators) reset another user’s',
          description:
            'Your own: `old_password` and `new_password`; other sessions end and new tokens come back. ' +
            "Another user's (administrators): a generated password comes back once, to be changed at their next sign-in.",
          params: UserId,
          body: Type.Object({
            old_password: Type.Optional(Password),
            new_password: Type.Optional(Password),
          }),
          response: {
            200: Type.Object({
              access_token: Type.Optional(Tokens.access_token),
              refresh_token: Type.Optional(Tokens.refresh_token),
              expires_in: Type.Optional(Tokens.expires_in),
              password: Type.Optional(Type.String({ description: 'The generated password, after a reset' })),
            }),
          },
        },
      },
      async (request) => {
        const result = await changeStaffPassword(deps, actorId(request), request.params.id, {
          oldPassword: request.body.old_password,
          newPassword: request.body.new_password,
        });
        return result.kind === 'changed' ? result.tokens : { password: result.password };
      },
    );
  };
}
