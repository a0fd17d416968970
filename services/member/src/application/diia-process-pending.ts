import { AppError } from '@kasa/http';
import { listReceivedDiiaCallbacks } from '../db/diia-callbacks.repository.ts';
import type { MemberDeps } from '../deps.ts';
import { DiiaDecryptorUnavailableError } from '../diia/diia-errors.ts';
import { processDiiaCallback } from './diia-process-callback.ts';

export interface PendingDiiaCallbacks {
  processed: number;
  /** Repeats of a callback already imported: settled without a change. */
  duplicates: number;
  /** Settled as failed, with the reason in the row. */
  failed: number;
  /** Still waiting: the decryptor or the database could not finish them now. */
  kept: number;
}

/**
 * Processes the callbacks kept while no decryptor was configured (or while it was down),
 * oldest first. Meant for the service's start once a decryptor is configured; safe to run
 * beside live callbacks and on several instances at once, each callback is settled once.
 * The decryptor going down stops the round: the rest wait for the next one.
 */
export async function processPendingDiiaCallbacks(deps: MemberDeps): Promise<PendingDiiaCallbacks> {
  const totals: PendingDiiaCallbacks = { processed: 0, duplicates: 0, failed: 0, kept: 0 };
  const { decryptor } = deps;
  if (!decryptor) return totals;
  const { logger } = deps.context;
  const waiting = await listReceivedDiiaCallbacks(deps.context.database.db);
  for (const [index, callbackId] of waiting.entries()) {
    try {
      const outcome = await processDiiaCallback(deps, decryptor, callbackId);
      if (outcome === 'processed') totals.processed += 1;
      if (outcome === 'duplicate') totals.duplicates += 1;
    } catch (error) {
      const statusCode = (error as { statusCode?: unknown }).statusCode;
      const code = error instanceof AppError ? error.code : undefined;
      if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
        totals.failed += 1;
        logger.warn({ callbackId, code }, 'kept Diia callback failed');
        continue;
      }
      totals.kept += 1;
      logger.error({ err: error, callbackId }, 'kept Diia callback could not be processed now');
      if (error instanceof DiiaDecryptorUnavailableError) {
        totals.kept += waiting.length - index - 1;
        break;
      }
    }
  }
  if (waiting.length > 0) logger.info(totals, 'kept Diia callbacks processed');
  return totals;
}
