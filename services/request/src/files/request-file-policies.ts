import { type FilePolicy, filePolicy } from '@kasa/files';

/** Most receipts in one upload (a new request, or files added to one). */
export const MAX_RECEIPTS_PER_UPLOAD = 20;

/** What each kind of request file accepts. */
export interface RequestFilePolicies {
  /** Photos or scans of receipts and medical papers: images or a PDF. */
  receipt: FilePolicy;
}

export function requestFilePolicies(maxBytes: number): RequestFilePolicies {
  return {
    receipt: filePolicy({
      maxBytes,
      maxFiles: MAX_RECEIPTS_PER_UPLOAD,
      allowedTypes: ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'],
    }),
  };
}
