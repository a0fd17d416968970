import { Type } from 'typebox';
import { RequestStatus } from '../events/request.ts';
import { Nullable, StoredFileName } from './members.ts';
import { SeedDate } from './seed-dates.ts';

/**
 * Shapes the request service answers and the gateways pass on, in the seed's field names
 * (`comment`, `diagnos`, `sum`). Money here is in kopiyky; the gateways turn it into the
 * decimal hryvnias the apps read.
 */

/** A receipt photo (or scan) attached to a request. */
export const RequestFile = Type.Object({
  id: Type.Integer(),
  /** The file in the request service's store. */
  filename: StoredFileName,
  mime: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  created_at: SeedDate,
  /** The member whose request it is. */
  member_id: Type.Integer(),
  /** When it was attached (UTC, ISO 8601). */
  created: Type.String({ format: 'date-time' }),
});

/** One message of a request's conversation, oldest first. */
export const RequestMessage = Type.Object({
  id: Type.Integer(),
  message: Type.String(),
  author: Type.Union([Type.Literal('member'), Type.Literal('staff')]),
  /** The member who wrote it, when a member did. */
  member_id: Nullable(Type.Integer()),
  /** The staff user who wrote it, when staff did. */
  user_id: Nullable(Type.Integer()),
  /** A staff note the member never sees. */
  internal: Type.Boolean(),
  /** When it was written (UTC, ISO 8601): the conversation's order. */
  created_at: Type.String({ format: 'date-time' }),
  date: SeedDate,
});

/** A request as the member's list shows it (`/user/request/list`). */
export const AidRequest = Type.Object({
  id: Type.Integer(),
  member_id: Type.Integer(),
  status: RequestStatus,
  comment: Type.String(),
  /** Set by staff; empty until then. */
  diagnos: Type.String(),
  /** The amount granted, in kopiyky; 0 until staff grant one. */
  sum: Type.Integer({ minimum: 0, description: 'kopiyky' }),
  date: SeedDate,
  date_modified: SeedDate,
  /** When it was opened (UTC, ISO 8601). */
  created: Type.String({ format: 'date-time' }),
  /** When it last changed as the member sees it (UTC, ISO 8601). */
  updated: Type.String({ format: 'date-time' }),
  files: Type.Array(RequestFile),
});

/** One request with its conversation (`/user/request/:id`): internal notes left out. */
export const AidRequestDetail = Type.Object({
  ...AidRequest.properties,
  messages: Type.Array(RequestMessage),
});

/** Warnings for the reviewer; the member never sees them. */
export const RequestFlags = Type.Object({
  /** Files of this request whose exact bytes are attached to another request too. */
  duplicate_files: Type.Array(
    Type.Object({
      filename: StoredFileName,
      /** The other requests holding the same bytes, any member's. */
      request_ids: Type.Array(Type.Integer()),
    }),
  ),
  /** The granted amount is above what is usual for the fund (see the note). */
  unusual_amount: Type.Union([
    Type.Null(),
    Type.Object({ granted: Type.Integer(), usual_max: Type.Integer(), note: Type.String() }),
  ]),
});

/** What staff see of one request: the conversation with internal notes, and the flags. */
export const StaffAidRequest = Type.Object({
  ...AidRequestDetail.properties,
  /** Kopiyky paid out for it so far, as the payment service reported. */
  paid: Type.Integer(),
  flags: RequestFlags,
});

/** A page of the staff list. */
export const AidRequestPage = Type.Object({
  data: Type.Array(AidRequest),
  /** How many match, counted up to TOTAL_COUNT_LIMIT. */
  total: Type.Integer({ minimum: 0 }),
  /** False when more match than were counted: `total` is then a lower bound. */
  total_exact: Type.Boolean(),
});

/** A list counts its matches up to this many: counting 160,000 cost more than the page. */
export const TOTAL_COUNT_LIMIT = 10_000;
