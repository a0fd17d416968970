import { SEED_FILE_NOT_FOUND } from '@kasa/contracts';
import { type DownloadAnswer, isAppError, notFound } from '@kasa/http';

export const seedFileNotFound = () => notFound(SEED_FILE_NOT_FOUND, 'file_not_found');

const isNotFound = (error: unknown) => isAppError(error) && error.statusCode === 404;

/**
 * The first of `downloads` that has the file (each tried only after the one before answered
 * 404); none: the seed's 404. Other failures are passed on as they are.
 */
export async function firstFound(...downloads: (() => Promise<DownloadAnswer>)[]): Promise<DownloadAnswer> {
  for (const download of downloads) {
    try {
      return await download();
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  throw seedFileNotFound();
}
