import { type Static, Type } from 'typebox';
import { SeedDate } from '../http/seed-dates.ts';
import { SeedErrorField, SeedStatusError } from './seed-errors.ts';
import { SeedFileRow, SeedMessageRow } from './seed-rows.ts';

/**
 * The member app's aid requests (SPEC §6 rows 13–17), as seeds/000 kasa-app/main.py answers
 * them: `request_list`, `request_get` (also the answer of `request_create` and
 * `request_update`) and `request_message_new`.
 */

/** seeds/000 kasa-app/main.py request_list, request_get: `model_to_dict(file)` + `url`. */
export const MobileRequestFile = Type.Object({
  ...SeedFileRow.properties,
  url: Type.String({ description: 'Where the member downloads the file' }),
});

/**
 * seeds/000 kasa-app/main.py request_list: `{id, status: r.status.alias, comment: r.request_text,
 * date, date_modified: get_date(…, "%d.%m.%Y"), sum: r.suma, diagnos, files}`.
 */
export const MobileRequestItem = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  status: Type.String({ description: 'the status alias: opened, awaiting_agent, awaiting_client, closed' }),
  comment: Type.String(),
  date: SeedDate,
  date_modified: SeedDate,
  sum: Type.Number({ description: 'hryvnias granted; 0 until staff grant an amount' }),
  diagnos: Type.String({ description: 'set by staff; empty until then' }),
  files: Type.Array(MobileRequestFile),
});

/** seeds/000 kasa-app/main.py request_list: `jsonify(requests)`, the member's own. */
export const MobileRequestListAnswer = Type.Array(MobileRequestItem);

/**
 * seeds/000 kasa-app/main.py request_get: the list's fields with `messages`, each
 * `model_to_dict(message)` (its request, and who wrote it: `member` or `user`, the other null),
 * oldest first; staff's internal notes are never among them. The seed took the request from its
 * first file's row, so a request without files answered nothing: Kasa answers it all the same.
 */
export const MobileRequestAnswer = Type.Object({
  ...MobileRequestItem.properties,
  messages: Type.Array(SeedMessageRow),
});

/**
 * seeds/000 kasa-app/main.py request_get, `except IndexError`: another member's request or none.
 * The seed built this answer and forgot to `return` it; Kasa answers it (404).
 */
export const MobileRequestNotFound = SeedStatusError;

/** seeds/000 kasa-app/main.py request_message_new: `{status: 'success', message: 'Повідомлення додано'}`. */
export const MobileRequestMessageAnswer = Type.Object({ status: Type.String(), message: Type.String() });

/** seeds/000 kasa-app/main.py request_message_new: 404 `Запит не знайдено`, and its other errors. */
export const MobileRequestMessageError = SeedStatusError;

/** seeds/000 kasa-app/main.py request_create: `return request_get(…)`, 200. */
export const MobileRequestCreateAnswer = MobileRequestAnswer;

/** seeds/000 kasa-app/main.py request_update: `return request_get(…)`, 200. */
export const MobileRequestUpdateAnswer = MobileRequestAnswer;

/**
 * seeds/000 kasa-app/main.py request_create and request_update: `{error}`, 400 `Comment is
 * absent` (create) and `Request id not valid` (update) for a form that does not validate.
 */
export const MobileRequestFormError = SeedErrorField;

/** The seed's texts, as its clients show them. */
export const MOBILE_REQUEST_MESSAGES = {
  notFound: 'Вказаний запит не знайдено',
  messageAdded: 'Повідомлення додано',
  messageRequestNotFound: 'Запит не знайдено',
  commentAbsent: 'Comment is absent',
  requestIdNotValid: 'Request id not valid',
} as const;

export type MobileRequestFile = Static<typeof MobileRequestFile>;
export type MobileRequestItem = Static<typeof MobileRequestItem>;
export type MobileRequestAnswer = Static<typeof MobileRequestAnswer>;
