import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Connection, createConnection } from 'mysql2/promise';
import { testMysqlUrl } from './infrastructure.ts';
import { jpeg, pdf, png } from './sample-files.ts';

/**
 * The seed's database as its Flask apps left it (seeds/000, tables 2.1–2.13, peewee's names), for
 * the switch-over's tests and benchmark. No foreign keys are enforced: the old servers ran
 * MyISAM-era schemas, and real data has rows pointing at rows long deleted.
 */
export const SEED_SCHEMA_DDL: readonly string[] = [
  `CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, login VARCHAR(32), password VARCHAR(256),
    name VARCHAR(128), email VARCHAR(128), phone VARCHAR(20), is_active INT, created_at DATETIME, updated_at DATETIME)`,
  `CREATE TABLE programs (id INT AUTO_INCREMENT PRIMARY KEY, program_name VARCHAR(128), program_file VARCHAR(255),
    created_at DATETIME, updated_at DATETIME, created_by INT, updated_by INT, month_price FLOAT, is_active INT)`,
  `CREATE TABLE members (id INT AUTO_INCREMENT PRIMARY KEY, first_name VARCHAR(32), middle_name VARCHAR(32),
    last_name VARCHAR(32), phone VARCHAR(20), email VARCHAR(128), birth_date DATE, passport_data TEXT, inn VARCHAR(15),
    actual_iban VARCHAR(29), photo VARCHAR(255), diia_answer TEXT, created_at DATETIME, updated_at DATETIME,
    certificate VARCHAR(32), expiration_date DATETIME, has_new_request INT, is_active TINYINT(1),
    is_submited TINYINT(1), has_new_program_change TINYINT(1), has_new_passport_data TINYINT(1))`,
  `CREATE TABLE member_program (id INT AUTO_INCREMENT PRIMARY KEY, member_id INT, program_id INT,
    created_at DATETIME, updated_at DATETIME, is_active TINYINT(1), is_new TINYINT(1))`,
  'CREATE TABLE identity_types (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64))',
  `CREATE TABLE files (id INT AUTO_INCREMENT PRIMARY KEY, filename VARCHAR(255), request_id INT,
    created_at DATETIME, updated_at DATETIME, member_id INT)`,
  `CREATE TABLE member_identity (id INT AUTO_INCREMENT PRIMARY KEY, member_id INT, file_id INT, identity_type INT,
    created_at DATETIME, updated_at DATETIME, is_active TINYINT(1), is_new TINYINT(1))`,
  'CREATE TABLE request_status (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64), alias VARCHAR(64))',
  `CREATE TABLE requests (id INT AUTO_INCREMENT PRIMARY KEY, request_text TEXT, member_id INT,
    created_at DATETIME, updated_at DATETIME, suma FLOAT, status_id INT)`,
  `CREATE TABLE request_messages (id INT AUTO_INCREMENT PRIMARY KEY, created_at DATETIME, updated_at DATETIME,
    message TEXT, request_id INT, member_id INT, user_id INT)`,
  'CREATE TABLE payment_types (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(32))',
  `CREATE TABLE payments (id INT AUTO_INCREMENT PRIMARY KEY, created_at DATETIME, updated_at DATETIME,
    iban VARCHAR(29), payment_type INT, payment_identifier VARCHAR(128), member_id INT, request_id INT,
    payment_date DATETIME, amount FLOAT)`,
  'CREATE TABLE sign_request (phone VARCHAR(12), code VARCHAR(6), sentAt DATETIME, daily_counter INT)',
];

/** The seed's fixed rows: the types and statuses its code refers to by id. */
const SEED_LOOKUPS: readonly string[] = [
  `INSERT INTO identity_types (id, name) VALUES (1, 'ID картка (лицьова сторона)'), (2, 'ID картка (зворотна сторона)'),
    (3, 'Паспорт (1 сторінка)'), (4, 'Паспорт (2 сторінка)'), (5, 'Паспорт (прописка)'), (6, 'ІПН')`,
  `INSERT INTO request_status (id, name, alias) VALUES (1, 'Відкрито', 'opened'), (2, 'Очікує відповіді агента', 'awaiting_agent'),
    (3, 'Очікує відповіді клієнта', 'awaiting_client'), (4, 'Закрито', 'closed')`,
  "INSERT INTO payment_types (id, name) VALUES (1, 'Поповнення'), (2, 'Відшкодування'), (3, 'Часткове відшкодування')",
];

export interface SeedDatabase {
  /** The old database's URL, as `./kasa import-seed --from` takes it. */
  url: string;
  /** The old upload folder, as `--files` takes it. */
  filesDir: string;
  connection: Connection;
  drop(): Promise<void>;
}

/** An empty seed database (schema and lookup rows) and an empty upload folder. */
export async function createSeedDatabase(serverUrl = testMysqlUrl()): Promise<SeedDatabase> {
  const name = `seed_${randomBytes(5).toString('hex')}`;
  const admin = await createConnection({ uri: serverUrl });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = await createConnection({ uri: url.toString(), multipleStatements: true });
  for (const statement of [...SEED_SCHEMA_DDL, ...SEED_LOOKUPS]) await connection.query(statement);
  const filesDir = join(tmpdir(), `kasa-seed-files-${randomBytes(5).toString('hex')}`);
  await mkdir(filesDir, { recursive: true });
  return {
    url: url.toString(),
    filesDir,
    connection,
    async drop() {
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

/**
 * A small fund with the quirks real data has: NULL dates and flags, FLOAT sums (one that is no
 * whole number of kopiyky), phones as members typed them (one that is no number, two members
 * with one number), `<timestamp>_<name>` files (one missing from the folder), messages by members
 * and by staff, a payment for a member long deleted, pending and current programs and documents.
 */
export async function fillSeedFixture(seed: SeedDatabase): Promise<void> {
  const { connection: db, filesDir } = seed;
  const file = async (name: string, bytes: Buffer) => writeFile(join(filesDir, name), bytes);
  await file('1709640000_terms_basic.pdf', pdf());
  await file('1709640100_photo.jpg', jpeg());
  await file('1709640200_id_front.jpg', jpeg());
  await file('1709640300_id_back.png', png());
  await file('1709640400_inn.pdf', pdf());
  await file('1709640500_receipt.jpg', jpeg());
  // 1709640600_receipt_lost.jpg is named in `files` but is not in the folder.

  await db.query(
    `INSERT INTO users (id, login, password, name, email, phone, is_active, created_at, updated_at) VALUES
     (1, 'admin', SHA2('admin-password', 256), 'Олена Адмін', 'admin@fund.example', '380671110001', 1, '2023-01-10 09:00:00', NULL),
     (2, 'agent', SHA2('agent-password', 256), 'Петро Агент', 'agent@fund.example', NULL, 1, NULL, NULL),
     (3, 'former', SHA2('former-password', 256), 'Колишній', NULL, '12', 0, '2023-02-01 10:00:00', '2023-06-01 10:00:00')`,
  );
  await db.query(
    `INSERT INTO programs (id, program_name, program_file, created_at, updated_at, created_by, updated_by, month_price, is_active) VALUES
     (1, 'Базова', 'https://old.fund.example/uploads/1709640000_terms_basic.pdf', '2023-01-10 09:30:00', '2023-01-10 09:30:00', 1, 1, 300, 1),
     (2, 'Розширена', NULL, '2023-03-01 12:00:00', NULL, 1, NULL, 499.99, 1),
     (3, 'Стара', NULL, NULL, NULL, NULL, NULL, 150.5, 0)`,
  );
  await db.query(
    `INSERT INTO members (id, first_name, middle_name, last_name, phone, email, birth_date, passport_data, inn, actual_iban,
       photo, diia_answer, created_at, updated_at, certificate, expiration_date, has_new_request, is_active, is_submited,
       has_new_program_change, has_new_passport_data) VALUES
     (10, 'Олена', 'Петрівна', 'Коваль', '380671234510', 'olena@example.org', '1985-04-12', 'ID 001234567', '3012345678',
       'UA213223130000026007233566001', '1709640100_photo.jpg', NULL, '2023-03-05 12:00:00', '2024-03-05 12:00:00',
       '000010', '2024-12-31 00:00:00', 1, 1, 1, 0, 0),
     (11, 'Іван', NULL, 'Шевчук', '0671234511', NULL, NULL, NULL, NULL, NULL, NULL,
       '{"data":"from Diia"}', '2023-10-29 03:30:00', NULL, '000011', NULL, 0, 1, 0, 1, 1),
     (12, NULL, NULL, NULL, '+380 67 123 45 12', NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2024-03-31 03:30:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
     (13, 'Двійник', NULL, 'Телефону', '380671234510', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '000010', NULL, 0, 0, 0, 0, 0),
     (14, 'Без', NULL, 'Номера', 'не знаю', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 1, 0, 0, 0)`,
  );
  await db.query(
    `INSERT INTO member_program (member_id, program_id, created_at, updated_at, is_active, is_new) VALUES
     (10, 1, '2023-03-05 12:00:00', '2023-03-06 09:00:00', 1, 0),
     (11, 1, '2023-10-29 03:30:00', NULL, 0, 1),
     (11, 2, '2023-11-01 10:00:00', NULL, 0, 1)`,
  );
  await db.query(
    `INSERT INTO files (id, filename, request_id, created_at, updated_at, member_id) VALUES
     (100, '1709640200_id_front.jpg', NULL, '2023-03-05 12:00:00', NULL, 10),
     (101, '1709640300_id_back.png', NULL, '2023-03-05 12:00:00', NULL, 10),
     (102, '1709640400_inn.pdf', NULL, '2023-03-05 12:00:00', NULL, 10),
     (103, '1709640500_receipt.jpg', 200, '2024-01-15 18:45:00', NULL, 10),
     (104, '1709640600_receipt_lost.jpg', 200, '2024-01-15 18:46:00', NULL, 10)`,
  );
  await db.query(
    `INSERT INTO member_identity (member_id, file_id, identity_type, created_at, updated_at, is_active, is_new) VALUES
     (10, 100, 1, '2023-03-05 12:00:00', NULL, 1, 0),
     (10, 101, 2, '2023-03-05 12:00:00', NULL, 1, 0),
     (10, 102, 6, '2023-03-05 12:00:00', NULL, 1, 0)`,
  );
  await db.query(
    `INSERT INTO requests (id, request_text, member_id, created_at, updated_at, suma, status_id) VALUES
     (200, 'Ліки після операції', 10, '2024-01-15 18:45:00', '2024-01-20 10:00:00', 1250.5, 3),
     (201, 'Аналізи', 10, '2024-02-01 08:00:00', NULL, NULL, 1),
     (202, 'Чужий запит', 99, '2024-02-02 08:00:00', NULL, 0.001, 4)`,
  );
  await db.query(
    `INSERT INTO request_messages (id, created_at, updated_at, message, request_id, member_id, user_id) VALUES
     (300, '2024-01-15 18:45:00', NULL, 'Додаю чек', 200, 10, NULL),
     (301, '2024-01-16 09:00:00', NULL, 'Потрібен ще висновок лікаря', 200, NULL, 2),
     (302, '2024-01-17 20:00:00', NULL, 'Надіслала', 200, 10, NULL)`,
  );
  await db.query(
    `INSERT INTO payments (id, created_at, updated_at, iban, payment_type, payment_identifier, member_id, request_id, payment_date, amount) VALUES
     (400, '2024-01-05 10:00:00', NULL, NULL, 1, 'order-400', 10, NULL, '2024-01-05 10:00:00', 300),
     (401, '2024-02-05 10:00:00', NULL, NULL, 1, 'order-401', 10, NULL, '2024-02-05 10:00:00', 299.99),
     (402, '2024-01-21 10:00:00', NULL, 'UA213223130000026007233566001', 3, NULL, 10, 200, '2024-01-21 10:00:00', 1000.25),
     (403, '2023-12-01 10:00:00', NULL, NULL, 1, 'order-403', 77, NULL, NULL, 100),
     (404, '2024-03-01 10:00:00', NULL, NULL, 1, 'order-404', 11, NULL, '2024-03-01 10:00:00', 150.005)`,
  );
  await db.query(
    "INSERT INTO sign_request (phone, code, sentAt, daily_counter) VALUES ('380671234510', '123456', NOW(), 1)",
  );
}
