import { hryvniasOf, Nullable, type Program } from '@kasa/contracts';
import { type Static, Type } from 'typebox';

/** A program as the admin site reads it: the price in hryvnias. */
export const SiteProgram = Type.Object({
  program_id: Type.Integer(),
  program_name: Type.String(),
  program_file: Nullable(Type.String({ description: 'The terms file: GET /program/{program_file}' })),
  month_price: Type.Number({ description: 'hryvnias' }),
  is_active: Type.Boolean(),
});

export function siteProgram(program: Static<typeof Program>): Static<typeof SiteProgram> {
  return { ...program, month_price: hryvniasOf(program.month_price) };
}

export const siteProgramOrNull = (program: Static<typeof Program> | null) =>
  program === null ? null : siteProgram(program);
