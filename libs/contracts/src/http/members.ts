import { type TSchema, Type } from 'typebox';
import { SeedDate } from './seed-dates.ts';

/**
 * Shapes the member service answers and the gateways pass on, in the seed's field names.
 * Money here is in kopiyky; the gateways turn it into the decimal hryvnias the apps read.
 */
/** A value or null. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A name the file store gave: 32 lowercase hex characters. */
export const StoredFileName = Type.String({ pattern: '^[0-9a-f]{32}$' });

/** A calendar day: `yyyy-mm-dd`. */
export const CalendarDay = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', examples: ['1990-04-17'] });
/** An instant, UTC, ISO 8601. */
export const Instant = Type.String({ format: 'date-time', examples: ['2024-03-05T10:00:00.000Z'] });

export const Program = Type.Object({
  program_id: Type.Integer(),
  program_name: Type.String(),
  /** The terms document in the file store. */
  program_file: Nullable(StoredFileName),
  month_price: Type.Integer({ minimum: 0, description: 'kopiyky' }),
  is_active: Type.Boolean(),
  created_at: Instant,
  updated_at: Instant,
  /** The staff users (auth service ids) who created and last changed it, when known. */
  created_by: Nullable(Type.Integer()),
  updated_by: Nullable(Type.Integer()),
});

/**
 * A member as the member service answers one: the seed's columns under its names, days as
 * calendar days and instants as ISO text; each gateway renders them as its clients read them.
 */
export const MemberRecord = Type.Object({
  id: Type.Integer(),
  first_name: Nullable(Type.String()),
  middle_name: Nullable(Type.String()),
  last_name: Nullable(Type.String()),
  phone: Type.String(),
  email: Nullable(Type.String()),
  birth_date: Nullable(CalendarDay),
  passport_data: Nullable(Type.String()),
  inn: Nullable(Type.String()),
  actual_iban: Nullable(Type.String()),
  /** The photo in the file store. */
  photo: Nullable(StoredFileName),
  certificate: Nullable(Type.String()),
  /** The last day the membership is paid for. */
  expiration_date: Nullable(CalendarDay),
  is_active: Type.Boolean(),
  is_submited: Type.Boolean({ description: "Approved by staff (the seed's spelling)" }),
  has_new_request: Type.Boolean(),
  has_new_program_change: Type.Boolean(),
  has_new_passport_data: Type.Boolean(),
  has_correction_request: Type.Boolean(),
  /** What Diia answered when the member imported their documents from it. */
  diia_answer: Nullable(Type.String()),
  created_at: Instant,
  updated_at: Instant,
  /**
   * The program the member's dues are priced by: the one they are on, or the one chosen and
   * awaiting review; null until they choose one, and until then the fund takes no dues from them.
   */
  pricing_program_id: Nullable(Type.Integer()),
});

/** `profile/get`: the member with the program they are on. */
export const MemberProfile = Type.Object({
  ...MemberRecord.properties,
  program: Nullable(Program),
});

export const IdentityDocument = Type.Object({
  id: Type.Integer(),
  /** The seed's identity type ids: 1, 2 ID card sides; 3, 4, 5 passport book pages; 6 tax number card. */
  identity_type: Type.Integer({ minimum: 1, maximum: 6 }),
  type: Type.String(),
  file: StoredFileName,
  mime: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('current'), Type.Literal('history')]),
  source: Type.Union([Type.Literal('upload'), Type.Literal('diia')]),
  is_new: Type.Boolean(),
  created_at: SeedDate,
  /** When it was uploaded (UTC, ISO 8601). */
  created: Instant,
  /** When its status last moved (UTC, ISO 8601). */
  updated: Instant,
});

/**
 * A program of a member's (the seed's Member_program row, table 2.8): the one they are on
 * (`is_active`), the change they asked for (`is_new`), or one they left (neither).
 */
export const MemberProgram = Type.Object({
  /**
   * The row of the member's program history; a change asked for is kept on the member until
   * staff approve it, so its id is the member's id (a member has at most one pending change).
   */
  id: Type.Integer(),
  program: Program,
  created_at: Instant,
  updated_at: Instant,
  is_active: Type.Boolean(),
  is_new: Type.Boolean(),
});

export const ProfileCorrection = Type.Object({
  id: Type.Integer(),
  first_name: Nullable(Type.String()),
  middle_name: Nullable(Type.String()),
  last_name: Nullable(Type.String()),
  birth_date: Nullable(SeedDate),
  created_at: SeedDate,
});

/** What staff see of one member (admin `POST /member`, before the gateway adds requests and payments). */
export const MemberCard = Type.Object({
  member: MemberRecord,
  actual_program: Nullable(Program),
  new_program: Nullable(Program),
  programs: Type.Array(Program),
  current_identities: Type.Array(IdentityDocument),
  new_identities: Type.Array(IdentityDocument),
  identities: Type.Array(IdentityDocument),
  corrections: Type.Array(ProfileCorrection),
  /** `actual_program` and `new_program` as the member's program rows. */
  actual_member_program: Nullable(MemberProgram),
  new_member_program: Nullable(MemberProgram),
  /** Every program row of the member's: the pending change first, then latest started first. */
  member_programs: Type.Array(MemberProgram),
});

export const MessageAnswer = Type.Object({ message: Type.String() });
export const StatusAnswer = Type.Object({ status: Type.String(), message: Type.String() });

/** Enough of a member to name them in a list of their requests or payments. */
export const MemberSummary = Type.Object({
  id: Type.Integer(),
  first_name: Nullable(Type.String()),
  middle_name: Nullable(Type.String()),
  last_name: Nullable(Type.String()),
  certificate: Nullable(Type.String()),
});

/** The ids of the members a staff query matches, for a list of their requests or payments. */
export const MatchingMembers = Type.Object({
  ids: Type.Array(Type.Integer()),
  /** All that match; more than `ids` holds when the query is too broad. */
  total: Type.Integer({ minimum: 0 }),
});
