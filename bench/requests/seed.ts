import { seededRandom } from '@kasa/testing';
import type { Connection } from 'mysql2/promise';

const BATCH = 5_000;
const DAY = 86_400_000;
export const REQUEST_STATUSES = ['opened', 'awaiting_agent', 'awaiting_client', 'closed'] as const;
export type Status = (typeof REQUEST_STATUSES)[number];

/** `2024-06-01 12:00:00.000`: DATETIME(3) in UTC, as the services write it. */
const datetime = (date: Date) => date.toISOString().slice(0, 23).replace('T', ' ');

const NEEDS = [
  'Прошу допомогти з оплатою лікування після операції',
  'Потрібні ліки за рецептом лікаря, чеки додаю',
  'Компенсація витрат на обстеження (МРТ, аналізи)',
  'Реабілітація після травми, курс масажу та ЛФК',
  'Оплата стоматологічного лікування',
  'Придбання слухового апарата',
];

export interface RequestsSeeded {
  /** How many of each status. */
  byStatus: Map<Status, number>;
  /** Members with at least one request. */
  members: Set<number>;
  /** The span of updated_at. */
  from: Date;
  to: Date;
}

/**
 * `count` requests written straight into the request service's migrated schema in multi-row
 * INSERTs: mostly closed, a tenth each opened, awaiting the agent and awaiting the client;
 * last changed at any time over the two years before now; by the given members.
 */
export async function seedRequests(
  database: Connection,
  schema: string,
  count: number,
  memberIds: readonly number[],
  seed = 5,
): Promise<RequestsSeeded> {
  const rnd = seededRandom(seed);
  const to = new Date();
  const from = new Date(to.getTime() - 730 * DAY);
  const byStatus = new Map<Status, number>(REQUEST_STATUSES.map((status) => [status, 0]));
  const members = new Set<number>();
  await database.query(`USE \`${schema}\``);
  await database.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  for (let start = 0; start < count; start += BATCH) {
    const rows: unknown[][] = [];
    for (let index = start; index < Math.min(count, start + BATCH); index += 1) {
      const draw = rnd();
      const status: Status =
        draw < 0.1 ? 'opened' : draw < 0.2 ? 'awaiting_agent' : draw < 0.3 ? 'awaiting_client' : 'closed';
      byStatus.set(status, byStatus.get(status)! + 1);
      const memberId = memberIds[Math.floor(rnd() * memberIds.length)]!;
      members.add(memberId);
      const updated = new Date(from.getTime() + rnd() * (to.getTime() - from.getTime()));
      const created = new Date(Math.max(from.getTime(), updated.getTime() - rnd() * 30 * DAY));
      const assessed = status === 'closed' || (status !== 'opened' && rnd() < 0.5);
      rows.push([
        memberId,
        status,
        status === 'opened' ? 1 : 2 + Math.floor(rnd() * 5),
        `${NEEDS[Math.floor(rnd() * NEEDS.length)]} (№${index + 1})`,
        assessed ? 'Діагноз встановлено, документи перевірено' : '',
        assessed ? 50_000 + Math.floor(rnd() * 3_000_000) : null,
        datetime(created),
        datetime(updated),
      ]);
    }
    await database.query('BEGIN');
    await database.query(
      `INSERT INTO requests (member_id, status, status_version, request_text, diagnosis, granted_amount,
         created_at, updated_at) VALUES ?`,
      [rows],
    );
    await database.query('COMMIT');
  }
  await database.query('ANALYZE TABLE requests');
  // Written out now rather than by the background flusher during the measurements.
  await database.query('FLUSH TABLES requests FOR EXPORT');
  await database.query('UNLOCK TABLES');
  return { byStatus, members, from, to };
}
