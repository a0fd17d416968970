import { type SeedUserRow, StaffUserRecord, seedUserRow } from '@kasa/contracts';
import { asCaller } from '@kasa/http';
import { Type } from 'typebox';
import type { GatewayContext } from './gateway.ts';

const StaffUserRecords = Type.Object({ data: Type.Array(StaffUserRecord) });

/**
 * The seed's user rows of the staff who wrote or saved something, by id, for either gateway's
 * rows that nest them (programs' `created_by`/`updated_by`, messages' `user`), in one call on the
 * caller's behalf (auth shows a member names only). An id with no account any more is absent:
 * its row nests null.
 */
export async function staffUserRowsFor(
  { services }: GatewayContext,
  request: Parameters<typeof asCaller>[0],
  ids: readonly (number | null)[],
): Promise<ReadonlyMap<number, SeedUserRow>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const { data } = await services.auth.request({
    method: 'POST',
    path: '/staff-users/records',
    body: { ids: wanted },
    ...asCaller(request),
    response: StaffUserRecords,
  });
  return new Map(data.map((user) => [user.id, seedUserRow(user)]));
}
