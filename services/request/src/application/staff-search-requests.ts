import type { AidRequest, AidRequestPage } from '@kasa/contracts';
import { calendarDay, kyivDayStart } from '@kasa/contracts';
import type { Database } from '@kasa/db';
import { badRequest } from '@kasa/http';
import type { Static } from 'typebox';
import { filesOfRequests } from '../db/request-files.repository.ts';
import { searchRequests } from '../db/request-search.repository.ts';
import { requestsByIds } from '../db/requests.repository.ts';
import { REQUEST_STATUSES, type RequestStatus } from '../domain/request-status.ts';
import { aidRequestView } from '../http/request.view.ts';

export interface StaffRequestSearch {
  memberIds?: readonly number[] | undefined;
  statuses?: readonly RequestStatus[] | undefined;
  /** `YYYY-MM-DD`, Kyiv calendar days, both included. */
  dateStart?: string | undefined;
  dateEnd?: string | undefined;
  offset: number;
  limit: number;
}

function checkedDay(field: string, text: string | undefined): string | undefined {
  if (text !== undefined && calendarDay(text) === null)
    throw badRequest(`Field '${field}' is not a date (YYYY-MM-DD)`, 'invalid_date');
  return text;
}

/** Requests by id with their files, in the order asked (for rows that nest them: payments). */
export async function requestRecords(
  deps: { database: Pick<Database, 'db'> },
  ids: readonly number[],
): Promise<Static<typeof AidRequest>[]> {
  const { db } = deps.database;
  const rows = await requestsByIds(db, [...new Set(ids)]);
  const files = await filesOfRequests(
    db,
    rows.map(({ id }) => id),
  );
  return rows.map((row) => aidRequestView(row, files.get(row.id) ?? []));
}

/** Staff's list of requests, latest changed first, narrowed by member, status and change day. */
export async function findRequests(
  deps: { database: Pick<Database, 'preparedDb'> },
  search: StaffRequestSearch,
): Promise<Static<typeof AidRequestPage>> {
  const dateStart = checkedDay('date_start', search.dateStart);
  const dateEnd = checkedDay('date_end', search.dateEnd);
  if (dateStart !== undefined && dateEnd !== undefined && dateStart > dateEnd)
    throw badRequest("Field 'date_start' is after 'date_end'", 'invalid_date_range');
  const statuses = search.statuses === undefined ? null : [...new Set(search.statuses)];
  // Prepared on the server, read through the binary protocol: staff's list is the busiest read.
  const db = deps.database.preparedDb;
  const found = await searchRequests(db, {
    memberIds: search.memberIds === undefined ? null : [...new Set(search.memberIds)],
    // Every status is no narrowing at all: the change-time index alone serves it.
    statuses: statuses !== null && statuses.length === REQUEST_STATUSES.length ? null : statuses,
    updatedFrom: dateStart === undefined ? null : kyivDayStart(dateStart),
    updatedBefore: dateEnd === undefined ? null : kyivDayStart(dateEnd, 1),
    offset: search.offset,
    limit: search.limit,
  });
  const files = await filesOfRequests(
    db,
    found.rows.map(({ id }) => id),
  );
  return {
    data: found.rows.map((row) => aidRequestView(row, files.get(row.id) ?? [])),
    total: found.total,
    total_exact: found.totalExact,
  };
}
