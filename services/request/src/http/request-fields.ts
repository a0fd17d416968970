import { RequestStatus, StoredFileName } from '@kasa/contracts';
import { Type } from 'typebox';
import { MAX_RECEIPTS_PER_UPLOAD } from '../files/request-file-policies.ts';

export const RequestId = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });
/** What a member or staff write: some text, at most 5,000 characters. */
export const MessageText = Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S' });
/** In a form, the file field holds the names the store gave the files, one or several. */
export const ReceiptFiles = Type.Union([
  { ...StoredFileName, description: 'A receipt: JPEG, PNG, HEIC or PDF' },
  Type.Array(StoredFileName, { maxItems: MAX_RECEIPTS_PER_UPLOAD }),
]);
export const Statuses = Type.Array(RequestStatus, { maxItems: 4 });
/** Any text: a name that could never be a file is not found, not a bad request. */
export const FileParams = Type.Object({ id: RequestId, name: Type.String({ maxLength: 256 }) });
export const RECEIPT_TYPES = ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'];
