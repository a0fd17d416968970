import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PaymentRow } from '../src/screens/payments/payment-row.ts';
import { csvAmount, csvCell, csvFileName, paymentsCsv } from '../src/screens/payments/payments-csv.ts';

const member = {
  id: 7,
  first_name: 'Олена',
  middle_name: null,
  last_name: 'Коваль',
  phone: '+380671234001',
  email: null,
  birth_date: null,
  passport_data: null,
  inn: null,
  actual_iban: null,
  photo: null,
  diia_answer: null,
  created_at: 'Mon, 07 Dec 2026 10:00:00 GMT',
  updated_at: 'Mon, 07 Dec 2026 10:00:00 GMT',
  certificate: '000123',
  expiration_date: null,
  has_new_request: 0,
  is_active: true,
  is_submited: true,
  has_new_program_change: false,
  has_new_passport_data: false,
};

function row(change: Partial<PaymentRow> = {}): PaymentRow {
  return {
    id: 41,
    created_at: 'Mon, 07 Dec 2026 22:30:00 GMT',
    updated_at: 'Mon, 07 Dec 2026 22:30:00 GMT',
    iban: null,
    payment_type: { id: 1, name: 'Поповнення' },
    payment_identifier: 'kasa-41',
    member,
    request: null,
    payment_date: 'Mon, 07 Dec 2026 00:00:00 GMT',
    amount: 600,
    member_id: 7,
    request_id: null,
    state: 'confirmed',
    source: 'liqpay',
    order_id: 'kasa-41',
    reverses: null,
    flag: null,
    note: null,
    recorded_by: null,
    ...change,
  } as PaymentRow;
}

test('the file starts with a byte-order mark so Excel reads the Cyrillic as UTF-8', () => {
  const csv = paymentsCsv([]);
  assert.equal(csv.charCodeAt(0), 0xfeff);
  assert.equal(
    csv.slice(1),
    '№;Дата платежу;Тип;Стан;Сума, грн;Учасник;Посвідчення;Звернення;IBAN;Джерело;Замовлення LiqPay;Сторнує платіж;Примітка;Записано\r\n',
  );
});

test('a payment is one line: its day in Kyiv, words for its type and state, hryvnias with a decimal comma', () => {
  const [, line] = paymentsCsv([row()]).split('\r\n');
  assert.equal(
    line,
    '41;07.12.2026;Поповнення;Зараховано;600,00;Коваль Олена;000123;;;LiqPay;kasa-41;;;08.12.2026 00:30',
  );
});

test('a reversal keeps its minus and names the payment it reverses', () => {
  const [, line] = paymentsCsv([
    row({ id: 42, amount: -1234.5, reverses: 41, source: 'manual', order_id: null }),
  ]).split('\r\n');
  assert.match(line!, /^42;07\.12\.2026;Поповнення;Зараховано;-1234,50;.*;Вручну;;41;;/);
});

test('cells with the separator, quotes or line breaks are quoted, quotes doubled', () => {
  assert.equal(csvCell('просто'), 'просто');
  assert.equal(csvCell('а; б'), '"а; б"');
  assert.equal(csvCell('сказав "так"'), '"сказав ""так"""');
  assert.equal(csvCell('рядок\nдругий'), '"рядок\nдругий"');
  assert.equal(csvCell(' пробіл'), '" пробіл"');
  assert.equal(csvCell(null), '');
  const [, line] = paymentsCsv([row({ note: 'повернув; "помилка"\nвдруге' })]).split(/\r\n/);
  assert.ok(line!.includes(';"повернув; ""помилка""\nвдруге";'));
});

test('text that a spreadsheet would run as a formula is kept as text', () => {
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell('+380'), "'+380");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  // Amounts are numbers, their minus stays.
  assert.equal(csvCell('-5,00', { text: false }), '-5,00');
});

test('amounts go through kopiyky: no float noise, two decimals, no grouping', () => {
  assert.equal(csvAmount(0.1 + 0.2), '0,30');
  assert.equal(csvAmount(1234567.8), '1234567,80');
  assert.equal(csvAmount(-0.05), '-0,05');
  assert.equal(csvAmount(0), '0,00');
});

test('the file is named for the register and the day', () => {
  assert.equal(csvFileName('2026-12-07'), 'platezhi-2026-12-07.csv');
});

test('LiqPay money taken back reads as refunded, a manual entry taken back as reversed', () => {
  const [, refunded, reversed] = paymentsCsv([
    row({ state: 'reversed' }),
    row({ state: 'reversed', source: 'manual', order_id: null }),
  ]).split('\r\n');
  assert.equal(refunded!.split(';')[3], 'Повернено');
  assert.equal(reversed!.split(';')[3], 'Сторновано');
});
