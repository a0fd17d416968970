import { ProgramSaved, staffActor } from '@kasa/contracts';
import { badRequest, notFound } from '@kasa/http';
import { newEvent } from '@kasa/messaging';
import {
  findProgram,
  insertProgram,
  lockProgram,
  type ProgramRow,
  type ProgramValues,
  updateProgram,
} from '../db/programs.repository.ts';
import type { MemberDeps } from '../deps.ts';

export interface ProgramForm {
  /** Absent for a new program. */
  id?: number;
  /** Needed for a new program; a change keeps what is left out. */
  name?: string;
  /** Kopiyky. Needed for a new program. */
  monthPrice?: number;
  /** A new program is active unless told otherwise. */
  isActive?: boolean;
  /** A newly stored terms document; without one the program keeps its terms. */
  termsFile?: string;
}

export const programMissing = () => notFound('Program not found', 'program_not_found');

/**
 * An administrator creates a program or changes one. New terms replace the program's terms,
 * but the old document stays in the store: members joined on it.
 */
export async function saveProgram(deps: MemberDeps, staffId: number, form: ProgramForm): Promise<ProgramRow> {
  const values: Partial<ProgramValues> = Object.fromEntries(
    Object.entries({
      name: form.name,
      monthPrice: form.monthPrice,
      isActive: form.isActive,
      termsFile: form.termsFile,
    }).filter(([, value]) => value !== undefined),
  );
  return deps.context.messaging.unitOfWork.run(async ({ tx, emit }) => {
    const now = new Date();
    let id: number;
    if (form.id === undefined) {
      const { name, monthPrice } = values;
      if (name === undefined) throw badRequest("Field 'program_name' is required", 'validation_failed');
      if (monthPrice === undefined) throw badRequest("Field 'month_price' is required", 'validation_failed');
      id = await insertProgram(
        tx,
        { termsFile: null, isActive: true, ...values, name, monthPrice },
        staffId,
        now,
      );
    } else {
      const current = await lockProgram(tx, form.id);
      if (!current) throw programMissing();
      id = current.id;
      const unchanged = (Object.keys(values) as (keyof ProgramValues)[]).every(
        (field) => values[field] === current[field],
      );
      if (unchanged) return current;
      await updateProgram(tx, id, values, staffId, now);
    }
    const saved = (await findProgram(tx, id))!;
    await emit(
      newEvent(
        ProgramSaved,
        { programId: id, name: saved.name, monthPrice: saved.monthPrice, isActive: saved.isActive },
        { aggregateId: id, actor: staffActor(staffId) },
      ),
    );
    return saved;
  });
}
