import { StaffUserRecord } from '@kasa/contracts';
import { type HttpApp, requireTokensFor } from '@kasa/http';
import { Type } from 'typebox';
import { listStaffUsersById } from '../db/staff-users.repository.ts';
import type { AuthDeps } from '../deps.ts';
import { staffUserRecordView } from './staff-user.view.ts';

const UserId = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });

/**
 * The staff accounts that wrote messages or saved programs, by id, for the gateways that nest
 * them in the seed's rows (`model_to_dict` put the user row inside). Members' tokens open it as
 * well as staff's: the mobile app reads those rows in its request messages and program changes.
 * A member sees who wrote (id and name), never a login to try passwords against, nor an e-mail
 * or phone: the seed leaked them (with the password hash); the fields stay, empty.
 */
export function staffDirectoryRoutes(deps: AuthDeps) {
  return async function staffDirectoryPlugin(app: HttpApp): Promise<void> {
    await requireTokensFor(app, {
      publicKey: deps.keys.publicKeyPem,
      issuer: deps.jwtIssuer,
      audience: ['member', 'staff'],
    });

    app.post(
      '/staff-users/records',
      {
        schema: {
          summary:
            'Staff accounts by id, as the seed nests them in rows (any signed-in caller; members see names only)',
          description: 'Unknown ids are left out. Never the role, the password or the sign-in counters.',
          body: Type.Object({ ids: Type.Array(UserId, { maxItems: 500 }) }),
          response: { 200: Type.Object({ data: Type.Array(StaffUserRecord) }) },
        },
      },
      async (request) => {
        const ids = [...new Set(request.body.ids)];
        const users = await listStaffUsersById(deps.database.db, ids);
        const records = users.map(staffUserRecordView);
        if (request.user.aud !== 'member') return { data: records };
        return { data: records.map((record) => ({ ...record, login: '', email: '', phone: null })) };
      },
    );
  };
}
