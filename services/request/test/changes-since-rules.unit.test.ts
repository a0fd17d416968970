import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SeedColumnHolds } from '@kasa/seed-import';
import { receiptIdOfSeedName, seedReceiptName } from '../src/import/changes-receipts.ts';
import { heldText, kopiykyHeldAs } from '../src/import/seed-columns.ts';

const float: SeedColumnHolds = { chars: null, bytes: null, float: true };
const decimal: SeedColumnHolds = { chars: null, bytes: null, float: false };

test('an amount is held by a FLOAT as its 32-bit float, read whole', () => {
  // Below 131,072 hryvnias every kopiyka survives: 299.99 is kept as 299.989990234375.
  assert.deepEqual(kopiykyHeldAs(29_999, float), [29_999]);
  assert.deepEqual(kopiykyHeldAs(1_677_723, float), [1_677_723]);
  assert.deepEqual(kopiykyHeldAs(4_294_967_295, decimal), [4_294_967_295]);
  // 150000.01 is kept as 150000.015625: it reads back as 150000.02.
  assert.deepEqual(kopiykyHeldAs(15_000_001, float), [15_000_001, 15_000_002]);
  assert.deepEqual(kopiykyHeldAs(15_000_001, decimal), [15_000_001], 'a DECIMAL holds it as it is');
});

test('a text is held as the old column holds it: characters first, then bytes', () => {
  assert.deepEqual(heldText('Анемія', { chars: 4, bytes: 16, float: false }), { text: 'Анем', cut: true });
  assert.deepEqual(heldText('Анемія', { chars: 255, bytes: 6, float: false }), { text: 'Ане', cut: true });
  assert.deepEqual(heldText('Анемія', { chars: 65_535, bytes: 65_535, float: false }), {
    text: 'Анемія',
    cut: false,
  });
});

test('a receipt goes back under a seed name that says which one it is, and is found by it', () => {
  const name = seedReceiptName({
    id: 512,
    mime: 'application/pdf',
    createdAt: new Date('2026-03-01T10:00:00.900Z'),
  });
  assert.equal(name, '1772359200_kasa-receipt-512.pdf');
  assert.equal(receiptIdOfSeedName(name), 512);
  assert.equal(receiptIdOfSeedName('1709640500_receipt.jpg'), null);
  assert.equal(receiptIdOfSeedName('1709640500_kasa-receipt-5.jpg.exe'), null);
  assert.equal(receiptIdOfSeedName(null), null);
});
