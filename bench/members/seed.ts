import type { Connection } from 'mysql2/promise';
import type { Population } from './data.ts';

const BATCH = 2_000;

/** `2024-06-01 12:00:00.000`: DATETIME(3) in UTC, as the services write it. */
const datetime = (date: Date) => date.toISOString().slice(0, 23).replace('T', ' ');

/**
 * Writes the programs, members and their program history straight into the member
 * service's migrated schema, in multi-row INSERTs, then refreshes the optimizer's statistics
 * and flushes the new pages to disk.
 */
export async function seedMembers(
  database: Connection,
  schema: string,
  population: Population,
): Promise<void> {
  await database.query(`USE \`${schema}\``);
  await database.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  await database.query(
    'INSERT INTO programs (id, name, month_price, is_active, created_at, updated_at) VALUES ?',
    [
      population.programs.map((program) => [
        program.id,
        program.name,
        program.monthPrice,
        program.isActive,
        '2022-01-10 09:00:00.000',
        '2022-01-10 09:00:00.000',
      ]),
    ],
  );

  const { members } = population;
  for (let start = 0; start < members.length; start += BATCH) {
    const batch = members.slice(start, start + BATCH);
    await database.query('BEGIN');
    await database.query(
      `INSERT INTO members (id, phone, first_name, middle_name, last_name, email, birth_date,
         passport_data, tax_number, iban, photo_file, certificate, paid_until, program_id,
         pending_program_id, is_active, is_submitted, profile_sent_at, has_new_request,
         has_new_program_change, has_new_documents, has_correction_request, created_at, updated_at)
       VALUES ?`,
      [
        batch.map((member) => [
          member.id,
          member.phone,
          member.firstName,
          member.middleName,
          member.lastName,
          member.email,
          member.birthDate,
          member.passportData,
          member.taxNumber,
          member.iban,
          member.photoFile,
          member.certificate,
          member.paidUntil,
          member.programId,
          member.pendingProgramId,
          member.isActive,
          member.isSubmitted,
          datetime(member.profileSentAt),
          false,
          member.hasNewProgramChange,
          member.hasNewDocuments,
          member.hasCorrectionRequest,
          datetime(member.createdAt),
          datetime(member.updatedAt),
        ]),
      ],
    );
    const history = batch.filter((member) => member.programId !== null);
    if (history.length > 0) {
      await database.query('INSERT INTO member_programs (member_id, program_id, started_at) VALUES ?', [
        history.map((member) => [member.id, member.programId, datetime(member.profileSentAt)]),
      ]);
    }
    await database.query('COMMIT');
  }
  await database.query('INSERT INTO certificate_counter (id, last) VALUES (1, ?)', [
    population.lastCertificate,
  ]);
  await database.query('ANALYZE TABLE members, member_programs, programs');
  // Written out now rather than by the background flusher during the measurements.
  await database.query('FLUSH TABLES members, member_programs FOR EXPORT');
  await database.query('UNLOCK TABLES');
}
