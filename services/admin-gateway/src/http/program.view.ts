import { type Program, type SeedProgramRow, seedProgramRow } from '@kasa/contracts';
import { type GatewayContext, staffUserRowsFor } from '@kasa/runtime';
import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';

export type SiteProgramRow = SeedProgramRow & { program_id: number };

/**
 * Programs as the admin site reads them (`model_to_dict(program)`), with the staff who created
 * and changed them nested, fetched in one call; the terms' URL on this gateway's public address.
 */
export async function programRowsFor(
  context: GatewayContext,
  request: FastifyRequest,
  programs: readonly Static<typeof Program>[],
): Promise<SiteProgramRow[]> {
  const users = await staffUserRowsFor(
    context,
    request,
    programs.flatMap((program) => [program.created_by, program.updated_by]),
  );
  const publicUrl = context.config.PUBLIC_URL;
  return programs.map((program) => seedProgramRow(program, { publicUrl, users }));
}
