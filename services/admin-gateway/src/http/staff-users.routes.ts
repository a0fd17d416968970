import {
  AdminChangePasswordAnswer,
  AdminChangePasswordForbidden,
  AdminUserCreateAnswer,
  AdminUserCreateLoginTaken,
  AdminUserDeleteAnswer,
  AdminUsersAnswer,
  AdminUsersForbidden,
  AdminUserUpdateAnswer,
  AdminUserUpdateMissing,
} from '@kasa/contracts';
import {
  type AuthUser,
  asCaller,
  assertStaffMayAct,
  bearerSecurity,
  forbidden,
  type HttpApp,
  isAppError,
  requireAuth,
  unprocessable,
} from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import { type Static, Type } from 'typebox';
import { signedIn } from '../access.ts';
import { StaffRole, StaffUser } from '../staff-user.ts';
import { siteStaffUser } from './staff-user.view.ts';

const Id = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });
const Login = Type.String({
  pattern: '^[A-Za-z0-9._-]{3,64}$',
  description: '3 to 64 letters, digits, dots, dashes or underscores',
});
const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const Email = Type.String({ format: 'email', maxLength: 254 });
const Phone = Type.Union([Type.String({ pattern: '^(\\+?[0-9]{5,15})?$' }), Type.Null()]);
/** Empty is let through: a reset ignores both, and the auth service judges the rest. */
const Password = Type.String({ maxLength: 1024 });

/** What the auth service answers. */
const AuthUsers = Type.Object({ users: Type.Array(StaffUser) });
const AuthCreated = Type.Object({ user: StaffUser, password: Type.String() });
const AuthDeleted = Type.Object({ message: Type.String() });
const AuthPasswordChanged = Type.Object({
  access_token: Type.Optional(Type.String()),
  refresh_token: Type.Optional(Type.String()),
  expires_in: Type.Optional(Type.Integer()),
  password: Type.Optional(Type.String()),
});

const common = { tags: ['staff users'], security: bearerSecurity };

/** The seed's words for whoever is not the administrator (admin-app/main.py `user_get`). */
const ADMINISTRATOR_ONLY = 'Ця операція дозволена тільки головному адміністратору';
/** The seed's words for changing another's password without being the administrator. */
const NOT_YOURS = 'Вам ця операція не дозволена';

/** Administrators only, checked from the token before the body is read, refused in the seed's words. */
const administrators = {
  onRequest: [
    requireAuth(),
    async (request: { user: AuthUser }) => {
      assertStaffMayAct(request.user);
      if (request.user.role !== 'admin') throw forbidden(ADMINISTRATOR_ONLY, 'admin_only');
    },
  ],
};

/** SPEC §7 rows 4–8: the staff accounts, with the seed's paths, fields and answers. */
export function staffUserRoutes(app: HttpApp, { services }: GatewayContext): void {
  const auth = services.auth;

  app.get(
    '/user',
    {
      ...administrators,
      schema: {
        ...common,
        summary: 'Every staff user (administrators only)',
        response: { 200: AdminUsersAnswer, 403: AdminUsersForbidden },
      },
    },
    async (request): Promise<Static<typeof AdminUsersAnswer>> => {
      const { users } = await auth.request({
        method: 'GET',
        path: '/staff/users',
        ...asCaller(request),
        response: AuthUsers,
      });
      return { data: users.map(siteStaffUser) };
    },
  );

  app.get(
    '/user/:user_id',
    {
      ...administrators,
      schema: {
        ...common,
        summary: 'One staff user, as a list of one (administrators only)',
        description: 'An empty list when there is no such user, as the seed answered.',
        params: Type.Object({ user_id: Id }),
        response: { 200: AdminUsersAnswer, 403: AdminUsersForbidden },
      },
    },
    async (request): Promise<Static<typeof AdminUsersAnswer>> => {
      const user = await auth
        .request({
          method: 'GET',
          path: `/staff/users/${request.params.user_id}`,
          ...asCaller(request),
          response: StaffUser,
        })
        .catch((error: unknown) => {
          if (isAppError(error) && error.statusCode === 404) return undefined;
          throw error;
        });
      return { data: user === undefined ? [] : [siteStaffUser(user)] };
    },
  );

  app.put(
    '/user',
    {
      ...administrators,
      schema: {
        ...common,
        summary: 'Create a staff user',
        description:
          'The answer carries the generated password in `data.password`, this once: hand it to the user, ' +
          'who must change it at the first sign-in. 422 "user already exist" when the login is taken.',
        body: Type.Object({
          email: Email,
          is_active: Type.Optional(Type.Boolean({ default: true })),
          login: Login,
          name: Name,
          phone: Type.Optional(Phone),
          role: Type.Optional(StaffRole),
        }),
        response: { 200: AdminUserCreateAnswer, 403: AdminUsersForbidden, 422: AdminUserCreateLoginTaken },
      },
    },
    async (request): Promise<Static<typeof AdminUserCreateAnswer>> => {
      const { user, password } = await auth.request({
        method: 'POST',
        path: '/staff/users',
        body: request.body,
        ...asCaller(request),
        response: AuthCreated,
      });
      return {
        status: 'success',
        message: 'user created successfully',
        data: { ...siteStaffUser(user), password },
      };
    },
  );

  app.post(
    '/user',
    {
      ...administrators,
      schema: {
        ...common,
        summary: 'Edit a staff user; `is_active: false` blocks them',
        description:
          'Blocking ends their sessions. Nobody blocks or demotes themselves or the last active administrator (409). ' +
          '422 "user does not exist" for an unknown id.',
        body: Type.Object({
          id: Id,
          email: Type.Optional(Email),
          is_active: Type.Optional(Type.Boolean()),
          login: Type.Optional(Login),
          name: Type.Optional(Name),
          phone: Type.Optional(Phone),
          role: Type.Optional(StaffRole),
        }),
        response: { 200: AdminUserUpdateAnswer, 403: AdminUsersForbidden, 422: AdminUserUpdateMissing },
      },
    },
    async (request): Promise<Static<typeof AdminUserUpdateAnswer>> => {
      const { id, ...edit } = request.body;
      const user = await auth
        .request({
          method: 'PATCH',
          path: `/staff/users/${id}`,
          body: edit,
          ...asCaller(request),
          response: StaffUser,
        })
        .catch((error: unknown) => {
          // The seed answered an unknown id in the body with 422; the admin site expects it.
          if (isAppError(error) && error.statusCode === 404)
            throw unprocessable('user does not exist', error.code);
          throw error;
        });
      return { status: 'success', message: 'user updated successfully', data: siteStaffUser(user) };
    },
  );

  app.delete(
    '/user/:id',
    {
      ...administrators,
      schema: {
        ...common,
        summary: 'Delete a staff user',
        description: 'Nobody deletes themselves or the last active administrator (409).',
        params: Type.Object({ id: Id }),
        response: { 200: AdminUserDeleteAnswer, 403: AdminUsersForbidden },
      },
    },
    async (request): Promise<Static<typeof AdminUserDeleteAnswer>> => {
      await auth.request({
        method: 'DELETE',
        path: `/staff/users/${request.params.id}`,
        ...asCaller(request),
        response: AuthDeleted,
      });
      return { status: 'success', message: 'User deleted successfully' };
    },
  );

  app.post(
    '/user/change_password',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: 'Change your password, or (administrators, with `id`) reset another user’s',
        description:
          'Without `id`, or with your own: `old_password` and `new_password` (at least 8 characters, not a common ' +
          'password, not your login or name). Your other sessions end; the answer carries new tokens. ' +
          "With another user's `id` (administrators): the passwords sent are ignored, the user gets a generated " +
          'one, in `password` this once, to change at their next sign-in; their sessions end.',
        body: Type.Object({
          id: Type.Optional(Id),
          old_password: Type.Optional(Password),
          new_password: Type.Optional(Password),
        }),
        response: { 200: AdminChangePasswordAnswer, 403: AdminChangePasswordForbidden },
      },
    },
    async (request): Promise<Static<typeof AdminChangePasswordAnswer>> => {
      const own = Number(request.user.sub);
      const { id = own, old_password, new_password } = request.body;
      if (id !== own && request.user.role !== 'admin') throw forbidden(NOT_YOURS, 'admin_only');
      const answer = await auth.request({
        method: 'POST',
        path: `/staff/users/${id}/password`,
        body: id === own ? { old_password, new_password } : {},
        ...asCaller(request),
        response: AuthPasswordChanged,
      });
      if (answer.password !== undefined) {
        return { status: 'success', message: 'Пароль скинуто', password: answer.password };
      }
      return { status: 'success', message: 'Пароль змінено', ...answer };
    },
  );
}
