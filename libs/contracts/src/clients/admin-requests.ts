import { type Static, Type } from 'typebox';
import { Nullable } from '../http/members.ts';
import { RequestFlags } from '../http/requests.ts';
import { SeedDate } from '../http/seed-dates.ts';
import { AdminPaymentRow } from './admin-payments.ts';
import { SeedStatusError } from './seed-errors.ts';
import { ShortSeedDate } from './seed-formats.ts';
import { SeedFileRow, SeedMessageRow, SeedPaymentTypeRow, SeedRequestRow } from './seed-rows.ts';

/**
 * Admin routes 18–21 (SPEC §7): the request list, one request, its update and staff's messages,
 * as the seed's admin-app/main.py answered them (seeds/000). Errors are `{status:'error', message}`.
 */

const { created_at: _created, updated_at: _updated, ...requestColumns } = SeedRequestRow.properties;

/** One row of `/requests`: the request row with its days reformatted. */
export const AdminRequestListRow = Type.Object({
  ...requestColumns,
  created_at: SeedDate,
  updated_at: SeedDate,
});

/**
 * seeds/000 admin-app/main.py requests_get: `{data: [model_to_dict(request)]}`, `created_at` and
 * `updated_at` as `%d.%m.%Y` (Kyiv days). The seed returned every match (its query ignored the
 * form's limit 50); Kasa pages only when the site sends `limit` (see the route). `total` and
 * `total_exact` are Kasa's.
 */
export const AdminRequestsAnswer = Type.Object({
  data: Type.Array(AdminRequestListRow),
  total: Type.Integer({
    minimum: 0,
    description: 'how many match (a lower bound when total_exact is false)',
  }),
  total_exact: Type.Boolean({ description: 'false: more than `total` match' }),
});

/** A message row; `internal` (Kasa's) marks a staff note the member never sees. */
export const AdminRequestMessageRow = Type.Object({
  ...SeedMessageRow.properties,
  internal: Type.Boolean({ description: 'a staff note the member never sees' }),
});

/**
 * One request as `POST /request` shows it: the request row (`created_at` `%d.%m.%y`, sic,
 * `updated_at` `%d.%m.%Y`), its conversation oldest first, its files, its payouts and the payout
 * types; `paid` and `flags` are Kasa's.
 */
export const AdminRequestCard = Type.Object({
  ...requestColumns,
  created_at: ShortSeedDate,
  updated_at: SeedDate,
  messages: Type.Array(AdminRequestMessageRow, { description: 'oldest first, staff notes included' }),
  files: Type.Array(SeedFileRow),
  charges: Type.Array(AdminPaymentRow, { description: 'payouts for the request, and their reversals' }),
  types: Type.Array(SeedPaymentTypeRow, { description: 'the payout types (`type` of PUT /payment)' }),
  paid: Type.Number({ description: 'hryvnias paid out so far' }),
  flags: Type.Object(
    {
      duplicate_files: RequestFlags.properties.duplicate_files,
      unusual_amount: Nullable(
        Type.Object({
          granted: Type.Number({ description: 'hryvnias' }),
          usual_max: Type.Number({ description: 'hryvnias' }),
          note: Type.String(),
        }),
      ),
    },
    { description: 'warnings for the reviewer: duplicate receipts, an unusual amount' },
  ),
});

/**
 * seeds/000 admin-app/main.py request_get: `{data: request}` with `messages`, `files`, `charges`,
 * `types`. Broken as written, answered as intended: it read `_request.id` off a dict (every call
 * failed with 500); its `charges` matched the type names 'Виплата', 'Часткова виплата', which
 * name no type (table 2.10 has Поповнення, Відшкодування, Часткове відшкодування), and the
 * optional `member` (null matches no payment), so it was always empty. Kasa answers the
 * request's payouts and the payout types 2 and 3.
 */
export const AdminRequestAnswer = Type.Object({ data: AdminRequestCard });

/**
 * seeds/000 admin-app/main.py request_get, an unknown request: 404 `Вказаний запит не знайдено`
 * (the seed meant it: its `except IndexError` never caught peewee's DoesNotExist).
 */
export const AdminRequestNotFound = SeedStatusError;

/**
 * seeds/000 admin-app/main.py request_update: `{status:'success', message:'Запит успішно оновлено'}`.
 * The seed wrote `diagnos` and `suma`; Kasa also takes a corrected `request_text`, and answers
 * 404 `Запит не знайдено` for an unknown id (the seed's update of no row answered 200).
 */
export const AdminRequestUpdateAnswer = SeedStatusError;

/**
 * seeds/000 admin-app/main.py request_message_new: `{status:'success', message:'Повідомлення
 * додано'}`; 404 `{status:'error', message:'Запит не знайдено'}` for an unknown request.
 */
export const AdminRequestMessageAnswer = SeedStatusError;

export type AdminRequestListRow = Static<typeof AdminRequestListRow>;
export type AdminRequestCard = Static<typeof AdminRequestCard>;
export type AdminRequestMessageRow = Static<typeof AdminRequestMessageRow>;
