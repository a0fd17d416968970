/** The six kinds of identity document a member may hold (SPEC §2). */
export const DOCUMENT_TYPES = [
  'id_card_front',
  'id_card_back',
  'passport_page_1',
  'passport_page_2',
  'passport_address',
  'tax_number_card',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The mobile app's form fields for each document, as the seed named them. */
export const DOCUMENT_FIELDS: Readonly<Record<string, DocumentType>> = {
  id_1: 'id_card_front',
  id_2: 'id_card_back',
  book_1: 'passport_page_1',
  book_2: 'passport_page_2',
  book_address: 'passport_address',
  inn: 'tax_number_card',
};

/** The seed's identity type ids, which the admin site reads as `identity_type`. */
export const SEED_IDENTITY_TYPE_IDS: Readonly<Record<DocumentType, number>> = {
  id_card_front: 1,
  id_card_back: 2,
  passport_page_1: 3,
  passport_page_2: 4,
  passport_address: 5,
  tax_number_card: 6,
};

const ID_CARD: readonly DocumentType[] = ['id_card_front', 'id_card_back'];
const PASSPORT_BOOK: readonly DocumentType[] = ['passport_page_1', 'passport_page_2', 'passport_address'];

/**
 * What a first profile must carry: the tax number card, and a whole identity document,
 * either both sides of the ID card or the three pages of the passport book. Staff cannot
 * prepare a member's agreement from less.
 */
export function missingForProfile(types: ReadonlySet<DocumentType>): string | null {
  if (!types.has('tax_number_card')) return 'The tax number card (inn) is required';
  const hasIdCard = ID_CARD.every((type) => types.has(type));
  const hasBook = PASSPORT_BOOK.every((type) => types.has(type));
  if (!hasIdCard && !hasBook) {
    return 'Both sides of the ID card (id_1, id_2) or the passport book pages (book_1, book_2, book_address) are required';
  }
  return null;
}
