/** Every service's side of the switch-over, in the order they run (what a row points to first). */
import type { OpenServiceImport, ServiceImport } from '@kasa/seed-import';
import { openSeedImport as audit } from '../services/audit/src/import/seed-import.ts';
import { openSeedImport as auth } from '../services/auth/src/import/seed-import.ts';
import { openSeedImport as member } from '../services/member/src/import/seed-import.ts';
import { openSeedImport as notification } from '../services/notification/src/import/seed-import.ts';
import { openSeedImport as payment } from '../services/payment/src/import/seed-import.ts';
import { openSeedImport as request } from '../services/request/src/import/seed-import.ts';

/** Audit last: its one entry records what the others wrote. */
export const SERVICE_IMPORTS: readonly OpenServiceImport[] = [
  auth,
  member,
  request,
  payment,
  notification,
  audit,
];

export async function openServiceImports(env: NodeJS.ProcessEnv): Promise<ServiceImport[]> {
  const opened: ServiceImport[] = [];
  try {
    for (const open of SERVICE_IMPORTS) opened.push(await open(env));
    return opened;
  } catch (error) {
    for (const service of opened) await service.close();
    throw error;
  }
}
