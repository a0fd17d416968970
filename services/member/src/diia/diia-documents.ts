import { type Static, type TSchema, Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { DiiaDocumentsError } from './diia-errors.ts';

/*
 * The documents' data Diia signs into `encodeData`, as its SDKs model it:
 * `{ requestId, documentTypes, data: { "internal-passport": [{…}], "taxpayer-card": [{…}] } }`.
 * Deeplink sharing sends each document as a one-element array, barcode sharing as an object;
 * both are read. Fields we do not use are allowed and ignored.
 */

/** Absent, null, or the schema: Diia leaves out what a document does not have. */
const Maybe = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));
/** `dd.mm.yyyy`, Diia's date format. */
const DiiaDate = Type.String({ pattern: '^\\d{2}\\.\\d{2}\\.\\d{4}$' });
/** An optional date may also come as an empty string. */
const OptionalDiiaDate = Maybe(Type.String({ pattern: '^(\\d{2}\\.\\d{2}\\.\\d{4})?$' }));
const Name = Type.String({ pattern: '\\S', maxLength: 64 });
const Text = Type.String({ maxLength: 500 });
/** РНОКПП (the tax number): ten digits. */
const TaxNumber = Type.String({ pattern: '^\\d{10}$' });

export const DiiaInternalPassport = Type.Object({
  lastNameUA: Name,
  firstNameUA: Name,
  middleNameUA: Maybe(Type.String({ maxLength: 64 })),
  birthday: DiiaDate,
  /** The ID card's number. */
  docNumber: Type.String({ pattern: '^[\\p{L}\\p{N}]{1,20}$' }),
  /** УНЗР, the demographic register's record number. */
  recordNumber: Maybe(Type.String({ maxLength: 32 })),
  /** The issuing authority, a four-digit code on ID cards. */
  department: Maybe(Type.String({ maxLength: 200 })),
  issueDate: OptionalDiiaDate,
  expirationDate: OptionalDiiaDate,
  taxpayerNumber: Maybe(Type.String({ pattern: '^(\\d{10})?$' })),
  residenceUA: Maybe(Text),
  birthPlaceUA: Maybe(Text),
  /** The name of the file part holding this document (the seed matched parts by it). */
  fileName: Maybe(Type.String({ maxLength: 255 })),
});
export type DiiaInternalPassport = Static<typeof DiiaInternalPassport>;

export const DiiaTaxpayerCard = Type.Object({
  /** The РНОКПП itself. */
  docNumber: TaxNumber,
  creationDate: OptionalDiiaDate,
  lastNameUA: Maybe(Type.String({ maxLength: 64 })),
  firstNameUA: Maybe(Type.String({ maxLength: 64 })),
  middleNameUA: Maybe(Type.String({ maxLength: 64 })),
  birthday: OptionalDiiaDate,
  fileName: Maybe(Type.String({ maxLength: 255 })),
});
export type DiiaTaxpayerCard = Static<typeof DiiaTaxpayerCard>;

const DiiaSharedData = Type.Object({
  requestId: Maybe(Type.String({ maxLength: 128 })),
  documentTypes: Maybe(Type.Array(Type.String())),
  data: Type.Object({
    'internal-passport': Type.Optional(Type.Array(DiiaInternalPassport)),
    'taxpayer-card': Type.Optional(Type.Array(DiiaTaxpayerCard)),
  }),
});

const checkSharedData = Compile(DiiaSharedData);

/** The two documents the fund asks for, as Diia shared them; either may be missing. */
export interface DiiaDocuments {
  /** The request id Diia signed into the data: ours, from the offer request. */
  requestId: string | null;
  internalPassport: DiiaInternalPassport | null;
  taxpayerCard: DiiaTaxpayerCard | null;
}

/** What the documents fill in a member's profile (the profile form's fields). */
export interface DiiaProfile {
  firstName: string;
  middleName: string | null;
  lastName: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  /** РНОКПП; null for people who have none (refused for religious reasons). */
  taxNumber: string | null;
  /** One readable line about the ID card, for staff and the fund's paperwork; null without a passport. */
  passportData: string | null;
}

/** The identity document types (SPEC §2) Diia's files become. */
export type DiiaIdentityDocumentType = 'id_card_front' | 'tax_number_card';

/** Diia's document → our identity document type (the seed's "ID-картка, аверс" and "Ідентифікаційний код"). */
export const DIIA_IDENTITY_DOCUMENT_TYPES = {
  'internal-passport': 'id_card_front',
  'taxpayer-card': 'tax_number_card',
} as const satisfies Record<string, DiiaIdentityDocumentType>;

export type DiiaSharedDocument = keyof typeof DIIA_IDENTITY_DOCUMENT_TYPES;

/** The column is 255 characters (the seed's varchar). */
const PASSPORT_DATA_MAX = 255;

/**
 * The decrypted data is kept whole (`diia_answer`, a mediumtext of 16 MiB). Diia's is a few KB
 * of fields (the files are parts of their own); 1 MiB leaves room and keeps anything larger
 * from reaching the column or the server's packet limit, where it would fail as a 500.
 */
export const DIIA_ANSWER_MAX_BYTES = 1024 * 1024;

/**
 * Validates the decrypted data (its JSON text, or already parsed) and picks the first of
 * each document. Throws `DiiaDocumentsError` naming where the data is wrong, never its values.
 */
export function parseDiiaDocuments(data: string | unknown): DiiaDocuments {
  let value: unknown = data;
  if (typeof data === 'string') {
    if (Buffer.byteLength(data, 'utf8') > DIIA_ANSWER_MAX_BYTES) {
      throw new DiiaDocumentsError(`The documents’ data is larger than ${DIIA_ANSWER_MAX_BYTES} bytes`);
    }
    try {
      value = JSON.parse(data);
    } catch {
      throw new DiiaDocumentsError('The documents’ data is not JSON');
    }
  }
  const normalized = asArrays(value);
  if (!checkSharedData.Check(normalized)) {
    const problems = checkSharedData
      .Errors(normalized)
      .slice(0, 5)
      .map((error) => `${error.instancePath || '/'} ${error.message}`);
    throw new DiiaDocumentsError('The documents’ data does not have the shape Diia sends', problems);
  }
  const shared = normalized as Static<typeof DiiaSharedData>;
  const documents: DiiaDocuments = {
    requestId: shared.requestId ?? null,
    internalPassport: shared.data['internal-passport']?.[0] ?? null,
    taxpayerCard: shared.data['taxpayer-card']?.[0] ?? null,
  };
  if (!documents.internalPassport && !documents.taxpayerCard) {
    throw new DiiaDocumentsError('The member shared neither the ID card nor the tax number');
  }
  return documents;
}

/**
 * The profile the documents fill: names and birth date from the ID card (else from the tax
 * number card), the tax number from the card (else the one printed with the passport data).
 */
export function diiaProfile(documents: DiiaDocuments): DiiaProfile {
  const passport = documents.internalPassport;
  const card = documents.taxpayerCard;
  const firstName = passport?.firstNameUA ?? card?.firstNameUA;
  const lastName = passport?.lastNameUA ?? card?.lastNameUA;
  const birthday = passport?.birthday ?? card?.birthday;
  if (!firstName?.trim() || !lastName?.trim()) {
    throw new DiiaDocumentsError('The shared documents carry no first and last name');
  }
  const birthDate = birthday ? isoDate(birthday) : null;
  if (birthDate === null) throw new DiiaDocumentsError('The shared documents carry no valid birth date');
  const middleName = passport ? passport.middleNameUA : card?.middleNameUA;
  return {
    firstName: personName(firstName),
    middleName: middleName?.trim() ? personName(middleName) : null,
    lastName: personName(lastName),
    birthDate,
    taxNumber: card?.docNumber ?? (passport?.taxpayerNumber || null),
    passportData: passport ? passportSummary(passport) : null,
  };
}

/**
 * Which of our identity document types a decrypted file is: by its form field (Diia names
 * the field after the document), else by the file name the data gives for each document.
 */
export function identityDocumentTypeOf(
  file: { documentType: string | null; fileName: string },
  documents: DiiaDocuments,
): DiiaIdentityDocumentType | null {
  if (file.documentType !== null && Object.hasOwn(DIIA_IDENTITY_DOCUMENT_TYPES, file.documentType)) {
    return DIIA_IDENTITY_DOCUMENT_TYPES[file.documentType as DiiaSharedDocument];
  }
  if (documents.internalPassport?.fileName && documents.internalPassport.fileName === file.fileName) {
    return DIIA_IDENTITY_DOCUMENT_TYPES['internal-passport'];
  }
  if (documents.taxpayerCard?.fileName && documents.taxpayerCard.fileName === file.fileName) {
    return DIIA_IDENTITY_DOCUMENT_TYPES['taxpayer-card'];
  }
  return null;
}

/** The media type of a decrypted file by its first bytes: Diia shares PDFs; pictures are allowed. */
export function diiaFileMime(content: Buffer): string {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  return 'application/octet-stream';
}

/** `24.01.1980` → `1980-01-24`; null for a date that does not exist. */
function isoDate(diiaDate: string): string | null {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(diiaDate);
  if (!match) return null;
  const [, day, month, year] = match;
  const iso = `${year}-${month}-${day}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/**
 * ID cards print names in capitals (`ДІЯ НАДІЯ`): written as people write them (`Дія
 * Надія`, `Д'яченко`, `Олена-Марія`). A name already in mixed case is kept as it is.
 */
function personName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed !== trimmed.toLocaleUpperCase('uk')) return trimmed;
  return trimmed
    .toLocaleLowerCase('uk')
    .replace(
      /(^|[\s-])(\p{L})/gu,
      (_, separator: string, letter: string) => `${separator}${letter.toLocaleUpperCase('uk')}`,
    );
}

/** `ID-картка № 123456789, УНЗР 19800124-01234, видана 13.12.2019 органом 1234, дійсна до 13.12.2029, …` */
function passportSummary(passport: DiiaInternalPassport): string {
  const issued = [
    passport.issueDate ? `видана ${passport.issueDate}` : null,
    passport.department?.trim() ? `органом ${passport.department.trim()}` : null,
  ]
    .filter(Boolean)
    .join(' ');
  const parts = [
    `ID-картка № ${passport.docNumber}`,
    passport.recordNumber?.trim() ? `УНЗР ${passport.recordNumber.trim()}` : null,
    issued || null,
    passport.expirationDate ? `дійсна до ${passport.expirationDate}` : null,
    passport.residenceUA?.trim()
      ? `місце проживання: ${passport.residenceUA.trim().replace(/\s+/g, ' ')}`
      : null,
  ].filter((part): part is string => part !== null);
  const line = parts.join(', ');
  return line.length <= PASSPORT_DATA_MAX ? line : `${line.slice(0, PASSPORT_DATA_MAX - 1)}…`;
}

/** Barcode sharing sends each document as an object, deeplink sharing as an array of one. */
function asArrays(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const { data } = value as { data?: unknown };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return value;
  const normalized: Record<string, unknown> = {};
  for (const [type, documents] of Object.entries(data)) {
    normalized[type] =
      typeof documents === 'object' && documents !== null && !Array.isArray(documents)
        ? [documents]
        : documents;
  }
  return { ...value, data: normalized };
}
