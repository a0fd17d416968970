/**
 * The seed's database as the thesis describes it (seeds/000, tables 2.1–2.13), in peewee's
 * names: a table is its model's name in lower case, a foreign key `<field>_id`. A real database
 * may differ in case and carry columns the thesis does not list: table names are matched without
 * regard to case, extra columns are ignored, and a column the thesis names under two spellings
 * (`member_int` in table 2.8 is peewee's `member_id`) is found under either.
 */
export interface SeedColumn {
  /** The name the importer reads it by. */
  name: string;
  /** Other names it may have in a real database. */
  aliases?: readonly string[];
  /** Without it the table cannot be read: the dry run says so and the import does not start. */
  required?: boolean;
}

export interface SeedTable {
  /** The thesis's table, for the report (`Members`, table 2.2). */
  title: string;
  name: string;
  /** Its key, read in order (keyset pages); none for a table the seed kept without one. */
  key: string | null;
  columns: readonly SeedColumn[];
  /** Whether Kasa brings its rows over (sign-in codes die with the old system). */
  imported: boolean;
}

const col = (name: string, options: Omit<SeedColumn, 'name'> = {}): SeedColumn => ({ name, ...options });
const id = col('id', { required: true });
const stamps = [col('created_at'), col('updated_at')];

export const SEED_TABLES = {
  members: {
    title: 'Members (2.2)',
    name: 'members',
    key: 'id',
    imported: true,
    columns: [
      id,
      col('first_name'),
      col('middle_name'),
      col('last_name'),
      col('phone', { required: true }),
      col('email'),
      col('birth_date'),
      col('passport_data'),
      col('inn'),
      col('actual_iban'),
      col('photo'),
      col('diia_answer'),
      ...stamps,
      col('certificate'),
      col('expiration_date'),
      col('has_new_request'),
      col('is_active'),
      col('is_submited', { aliases: ['is_submitted'] }),
      col('has_new_program_change'),
      col('has_new_passport_data'),
    ],
  },
  users: {
    title: 'Users (2.4)',
    name: 'users',
    key: 'id',
    imported: true,
    columns: [
      id,
      col('login', { required: true }),
      col('password', { required: true }),
      col('name'),
      col('email'),
      col('phone'),
      col('is_active'),
      ...stamps,
    ],
  },
  programs: {
    title: 'Programs (2.7)',
    name: 'programs',
    key: 'id',
    imported: true,
    columns: [
      id,
      col('program_name', { required: true }),
      col('program_file'),
      ...stamps,
      col('created_by', { aliases: ['created_by_id'] }),
      col('updated_by', { aliases: ['updated_by_id'] }),
      col('month_price', { required: true }),
      col('is_active'),
    ],
  },
  member_program: {
    title: 'Member_program (2.8)',
    name: 'member_program',
    key: null,
    imported: true,
    columns: [
      col('id'),
      col('member_id', { aliases: ['member_int', 'member'], required: true }),
      col('program_id', { required: true }),
      ...stamps,
      col('is_active'),
      col('is_new'),
    ],
  },
  identity_types: {
    title: 'Identity_types (2.11)',
    name: 'identity_types',
    key: 'id',
    imported: true,
    columns: [id, col('name')],
  },
  files: {
    title: 'Files (2.3)',
    name: 'files',
    key: 'id',
    imported: true,
    columns: [id, col('filename', { required: true }), col('request_id'), ...stamps, col('member_id')],
  },
  member_identity: {
    title: 'Member_identity (2.12)',
    name: 'member_identity',
    key: null,
    imported: true,
    columns: [
      col('id'),
      col('member_id', { required: true }),
      col('file_id', { required: true }),
      col('identity_type', { aliases: ['identity_type_id'], required: true }),
      ...stamps,
      col('is_active'),
      col('is_new'),
    ],
  },
  request_status: {
    title: 'Request_status (2.5)',
    name: 'request_status',
    key: 'id',
    imported: true,
    columns: [id, col('name'), col('alias')],
  },
  requests: {
    title: 'Requests (2.6)',
    name: 'requests',
    key: 'id',
    imported: true,
    columns: [
      id,
      col('request_text'),
      col('member_id', { required: true }),
      ...stamps,
      col('suma'),
      col('status_id', { aliases: ['status'], required: true }),
      // Not in table 2.6, but the seed's code writes and reads it (staff's `diagnos`, `PUT /request`).
      col('diagnos', { aliases: ['diagnosis'] }),
    ],
  },
  request_messages: {
    title: 'Request_messages (2.1)',
    name: 'request_messages',
    key: 'id',
    imported: true,
    columns: [
      id,
      ...stamps,
      col('message'),
      col('request_id', { required: true }),
      col('member_id'),
      col('user_id'),
    ],
  },
  payment_types: {
    title: 'Payment_types (2.10)',
    name: 'payment_types',
    key: 'id',
    imported: true,
    columns: [id, col('name')],
  },
  payments: {
    title: 'Payments (2.9)',
    name: 'payments',
    key: 'id',
    imported: true,
    columns: [
      id,
      ...stamps,
      col('iban'),
      col('payment_type', { aliases: ['payment_type_id'], required: true }),
      col('payment_identifier'),
      col('member_id', { required: true }),
      col('request_id'),
      col('payment_date'),
      col('amount', { required: true }),
    ],
  },
  sign_request: {
    title: 'sign_request (2.13)',
    name: 'sign_request',
    key: null,
    imported: false,
    columns: [col('phone'), col('code'), col('sentAt', { aliases: ['sent_at'] }), col('daily_counter')],
  },
} as const satisfies Record<string, SeedTable>;

export type SeedTableName = keyof typeof SEED_TABLES;

/** The order the tables are read and brought over in: what a row points to comes first. */
export const SEED_TABLE_ORDER: readonly SeedTableName[] = [
  'users',
  'programs',
  'identity_types',
  'request_status',
  'payment_types',
  'members',
  'member_program',
  'files',
  'member_identity',
  'requests',
  'request_messages',
  'payments',
  'sign_request',
];
