import { strictBase64 } from './base64.ts';
import { DiiaCallbackError } from './diia-errors.ts';

/** The header Diia puts our request id in (its SDKs read the same one). */
export const DIIA_REQUEST_ID_HEADER = 'x-document-request-trace-id';

/** The form field holding the signed and encrypted documents' data. */
export const DIIA_ENCODE_DATA_FIELD = 'encodeData';

/** A file part as any multipart parser yields it. */
export interface DiiaCallbackUpload {
  fieldName: string;
  fileName: string;
  content: Buffer;
}

/** The callback as it arrived, free of any HTTP framework's types. */
export interface DiiaCallbackInput {
  /** The request's headers; names in any case. */
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The text fields by name; a repeated name counts by its first value. */
  fields: Readonly<Record<string, string | readonly string[] | undefined>>;
  files: readonly DiiaCallbackUpload[];
}

export interface DiiaCallbackFile {
  fieldName: string;
  /** As Diia named it, e.g. `internal-passport-….pdf.p7s.p7e`. */
  fileName: string;
  /** The name of what is inside: no directories, no `.p7s`/`.p7e`, safe characters (`….pdf`). */
  plainFileName: string;
  /** The Diia document the part is, when its field names one (`internal-passport`). */
  documentType: string | null;
  /** The part's base64 text, for the decryptor. */
  encrypted: string;
}

export interface DiiaCallbackParts {
  /** Ours, from `X-Document-Request-Trace-Id` (or a `requestId` field); null when Diia sent none. */
  requestId: string | null;
  /** The base64 text of the signed and encrypted data. */
  encodeData: string;
  files: DiiaCallbackFile[];
}

const DOCUMENT_TYPE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const REQUEST_ID = /^[A-Za-z0-9._:=+/-]{1,128}$/;
/** Barcode sharing sends the one document as `encryptedFile`, its name in `encryptedFileName`. */
const BARCODE_FILE_FIELD = 'encryptedFile';
const BARCODE_FILE_NAME_FIELD = 'encryptedFileName';

/**
 * Diia's sharing callback normalised: a multipart form with the field `encodeData` and one
 * file per document, the file's field named after the document type, every part the base64
 * text of a signed-then-encrypted envelope (as Diia's SDKs read it). Throws
 * `DiiaCallbackError` for a form that is not that.
 */
export function readDiiaCallbackParts(input: DiiaCallbackInput): DiiaCallbackParts {
  const encodeDataUpload = input.files.find((file) => file.fieldName === DIIA_ENCODE_DATA_FIELD);
  const encodeDataText =
    first(input.fields[DIIA_ENCODE_DATA_FIELD]) ?? encodeDataUpload?.content.toString('utf8');
  if (encodeDataText === undefined) throw new DiiaCallbackError('The callback has no encodeData');
  const encodeData = strictBase64(encodeDataText);
  if (encodeData === null) throw new DiiaCallbackError('The callback’s encodeData is not base64');

  const barcodeFileName = first(input.fields[BARCODE_FILE_NAME_FIELD]);
  const files = input.files
    .filter((file) => file !== encodeDataUpload)
    .map((file) => {
      const fileName =
        file.fieldName === BARCODE_FILE_FIELD && barcodeFileName ? barcodeFileName : file.fileName;
      return {
        fieldName: file.fieldName,
        fileName,
        plainFileName: plainFileName(fileName, file.fieldName),
        documentType: DOCUMENT_TYPE.test(file.fieldName) ? file.fieldName : null,
        encrypted: encryptedText(file),
      };
    });

  return { requestId: requestIdOf(input), encodeData, files };
}

/** The most file parts a callback may have: Diia shares one file per document, two for us. */
export const DIIA_MAX_CALLBACK_FILES = 10;
const MAX_CALLBACK_FIELDS = 32;

/**
 * The callback's raw body, a multipart form, as the parts reader takes it. Throws
 * `DiiaCallbackError` for a body that is not a multipart form, or one with more parts than
 * any sharing sends.
 */
export async function diiaCallbackInputOf(
  body: Uint8Array,
  contentType: string,
  headers: DiiaCallbackInput['headers'],
): Promise<DiiaCallbackInput> {
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    throw new DiiaCallbackError('The callback is not a multipart form');
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), {
      headers: { 'content-type': contentType },
    }).formData();
  } catch {
    throw new DiiaCallbackError('The callback’s multipart form is malformed');
  }
  const fields: Record<string, string> = Object.create(null);
  const files: DiiaCallbackUpload[] = [];
  let fieldCount = 0;
  for (const [name, value] of form) {
    if (typeof value === 'string') {
      fieldCount += 1;
      fields[name] ??= value;
    } else {
      files.push({ fieldName: name, fileName: value.name, content: Buffer.from(await value.arrayBuffer()) });
    }
    if (files.length > DIIA_MAX_CALLBACK_FILES || fieldCount > MAX_CALLBACK_FIELDS) {
      throw new DiiaCallbackError('The callback has more parts than Diia sends');
    }
  }
  return { headers, fields, files };
}

function requestIdOf({ headers, fields }: DiiaCallbackInput): string | null {
  const header = Object.entries(headers).find(([name]) => name.toLowerCase() === DIIA_REQUEST_ID_HEADER);
  const value = (first(header?.[1]) ?? first(fields.requestId))?.trim();
  if (value === undefined || value === '') return null;
  if (!REQUEST_ID.test(value)) throw new DiiaCallbackError('The callback’s request id is malformed');
  return value;
}

/** Diia sends base64 text; a part that arrives as raw bytes is encoded, so the decryptor sees one form. */
function encryptedText(file: DiiaCallbackUpload): string {
  if (file.content.length === 0)
    throw new DiiaCallbackError(`The callback’s ${file.fieldName} part is empty`);
  return strictBase64(file.content.toString('latin1')) ?? file.content.toString('base64');
}

/** `dir/Паспорт 1.pdf.p7s.p7e` → `Паспорт_1.pdf`; nothing usable left → `<field>.pdf`. */
export function plainFileName(fileName: string, fieldName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const unwrapped = base.replace(/(\.p7[se])+$/i, '');
  const safe = unwrapped
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '')
    .slice(-120);
  if (safe !== '' && /[\p{L}\p{N}]/u.test(safe)) return safe;
  const stem = fieldName.replace(/[^A-Za-z0-9_-]+/g, '_') || 'document';
  return `${stem}.pdf`;
}

function first(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}
