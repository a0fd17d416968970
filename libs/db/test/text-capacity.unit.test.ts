import assert from 'node:assert/strict';
import { test } from 'node:test';
import { char, mediumtext, mysqlTable, text, varchar } from 'drizzle-orm/mysql-core';
import { textCapacityOf, textFits } from '../src/text-capacity.ts';

const table = mysqlTable('samples', {
  code: char('code', { length: 36 }),
  name: varchar('name', { length: 64 }),
  body: text('body'),
  answer: mediumtext('answer'),
});

test('varchar and char hold characters, 4 bytes each; the text types hold bytes', () => {
  assert.deepEqual(textCapacityOf(table.code), { chars: 36, bytes: 144 });
  assert.deepEqual(textCapacityOf(table.name), { chars: 64, bytes: 256 });
  assert.deepEqual(textCapacityOf(table.body), { chars: 65_535, bytes: 65_535 });
  assert.deepEqual(textCapacityOf(table.answer), { chars: 16_777_215, bytes: 16_777_215 });
});

test('a limit fits a varchar up to its length in characters, whatever they are', () => {
  assert.ok(textFits({ maxLength: 64 }, table.name));
  assert.ok(!textFits({ maxLength: 65 }, table.name));
});

test('a text column fits 16,383 characters of any kind, or 65,535 ASCII ones', () => {
  assert.ok(textFits({ maxLength: 16_383 }, table.body));
  assert.ok(!textFits({ maxLength: 16_384 }, table.body), '16,384 emoji are 65,536 bytes');
  assert.ok(!textFits({ maxLength: 65_536 }, table.body), 'the 500 of issue 18: 65,536 characters');
  assert.ok(textFits({ maxLength: 65_535 }, table.body, { ascii: true }));
  assert.ok(!textFits({ maxLength: 65_536 }, table.body, { ascii: true }));
});

test('a schema without maxLength fits no column', () => {
  assert.ok(!textFits({}, table.answer));
});
