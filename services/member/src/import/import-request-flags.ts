import type { Tx } from '@kasa/db';
import type { ImportStep, SeedRow } from '@kasa/seed-import';
import { and, inArray, ne, sql } from 'drizzle-orm';
import { memberRequestLocks, memberRequests, members } from '../db/schema.ts';
import { waitsForStaff } from '../domain/member-review.ts';
import type { MemberImportRun, SeedRequestStatus } from './import-run.ts';
import { idOf } from './seed-values.ts';

const STATUSES: readonly SeedRequestStatus[] = ['opened', 'awaiting_agent', 'awaiting_client', 'closed'];

/**
 * What the request service's import takes a request to be whose status the seed does not name
 * (services/request/src/import/import-requests.ts, `UNKNOWN_STATUS_TAKEN`): staff look at it.
 * It reports the request; this side only follows it.
 */
const UNKNOWN_STATUS_TAKEN: SeedRequestStatus = 'awaiting_agent';

/**
 * The status version the request service gives an imported request (its `importedStatusVersion`):
 * `opened` only until its first change (1), any other status after at least one (2). Kasa's next
 * change is newer than either, so the member service applies it over what is recorded here.
 */
const importedStatusVersion = (status: SeedRequestStatus): number => (status === 'opened' ? 1 : 2);

/**
 * The member service's view of the seed's requests (what its request handlers keep from the
 * request service's events): which requests each member has and whether one waits for staff,
 * and from that the member's "new request" flag on staff's attention list. The seed's own
 * `has_new_request` is not taken: its code never wrote it, and Kasa's handlers would set the flag
 * from the requests at the first event anyway.
 */
export function requestFlagSteps(run: MemberImportRun): ImportStep[] {
  return [
    {
      name: 'request statuses (read)',
      table: 'request_status',
      async write(_tx, rows) {
        for (const row of rows) {
          const id = idOf(row.id);
          if (id === null) continue;
          const alias = String(row.alias ?? '')
            .trim()
            .toLowerCase();
          run.seed.statusById.set(id, STATUSES.find((status) => status === alias) ?? null);
        }
        return 0;
      },
    },
    {
      name: 'requests followed',
      table: 'requests',
      write: (tx, rows) => followRequests(tx, rows, run),
    },
  ];
}

/**
 * Records each request's state as the request handlers would (the member's lock row, the
 * request's row), unless the service knows the request already (from an earlier run, or from an
 * event since: newer, it stays), then sets the flag of the members whose requests came. A
 * request the request service does not bring over (it names no member) is left out here too.
 */
async function followRequests(tx: Tx, rows: readonly SeedRow[], run: MemberImportRun): Promise<number> {
  const states: Array<typeof memberRequests.$inferInsert> = [];
  for (const row of rows) {
    const requestId = idOf(row.id);
    const rawMember = row.member_id;
    const memberId = rawMember === 0 || rawMember === '0' ? 0 : idOf(rawMember);
    if (requestId === null || memberId === null) continue;
    const statusId = idOf(row.status_id);
    const status = (statusId === null ? null : run.seed.statusById.get(statusId)) ?? UNKNOWN_STATUS_TAKEN;
    const waitingForStaff = waitsForStaff(status);
    run.expected.requests += 1;
    if (waitingForStaff) run.expected.waitingMembers.add(memberId);
    states.push({ requestId, memberId, waitingForStaff, version: importedStatusVersion(status) });
  }
  if (states.length === 0) return 0;
  const memberIds = [...new Set(states.map(({ memberId }) => memberId))];
  await tx
    .insert(memberRequestLocks)
    .ignore()
    .values(memberIds.map((memberId) => ({ memberId })));
  const [result] = await tx.insert(memberRequests).ignore().values(states);
  // As refreshNewRequestFlag sets it, but leaving `updated_at` as the seed had it.
  const waiting = sql`EXISTS (SELECT 1 FROM ${memberRequests} WHERE ${memberRequests.memberId} = ${members.id} AND ${memberRequests.waitingForStaff})`;
  await tx
    .update(members)
    .set({ hasNewRequest: waiting })
    .where(and(inArray(members.id, memberIds), ne(members.hasNewRequest, waiting)));
  return result.affectedRows;
}
