import { type FilePolicy, filePolicy } from '@kasa/files';

/** What each kind of member file accepts. */
export interface MemberFilePolicies {
  /** Scans and photos of identity documents: images or a PDF. */
  document: FilePolicy;
  /** The member's own photo, shown in the app: images only. */
  photo: FilePolicy;
  /** A program's terms, for members to read before they join. */
  terms: FilePolicy;
}

export function memberFilePolicies(maxBytes: number): MemberFilePolicies {
  return {
    document: filePolicy({ maxBytes }),
    photo: filePolicy({ maxBytes, maxFiles: 1, allowedTypes: ['image/jpeg', 'image/png', 'image/heic'] }),
    terms: filePolicy({ maxBytes, maxFiles: 1, allowedTypes: ['application/pdf'] }),
  };
}
