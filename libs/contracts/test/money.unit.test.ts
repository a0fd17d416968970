import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hryvniasOf, kopiykyOf } from '../src/money.ts';

test('decimal hryvnias become whole kopiyky exactly', () => {
  assert.equal(kopiykyOf(123.45), 12345);
  assert.equal(kopiykyOf('123.45'), 12345);
  assert.equal(kopiykyOf(0.1), 10);
  assert.equal(kopiykyOf(0.29), 29);
  assert.equal(kopiykyOf(1.005), null);
  assert.equal(kopiykyOf('200'), 20000);
  assert.equal(kopiykyOf('-0'), 0);
  for (const wrong of ['', '1e3', '12,50', 'abc', '.5', Number.NaN, Number.POSITIVE_INFINITY, 1e21]) {
    assert.equal(kopiykyOf(wrong), null, String(wrong));
  }
});

test('any whole kopiyky survive the trip to hryvnias and back', () => {
  for (let index = 0; index < 20_000; index += 1) {
    const kopiyky = Math.floor((Math.random() - 0.5) * 2 * 10 ** (1 + (index % 12)));
    assert.equal(kopiykyOf(hryvniasOf(kopiyky)), kopiyky, String(kopiyky));
  }
});

test('any amount a client writes with up to 2 decimals is the same number after kopiyky and back', () => {
  for (let index = 0; index < 20_000; index += 1) {
    const whole = String(Math.floor(Math.random() * 10 ** (1 + (index % 11))));
    const decimals = [
      '',
      `.${Math.floor(Math.random() * 10)}`,
      `.${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`,
    ][index % 3];
    const text = `${whole}${decimals}`;
    // As the app sends it: a JSON number, or the text of a form field.
    const sent = JSON.parse(JSON.stringify(Number(text))) as number;
    const kopiyky = kopiykyOf(sent);
    assert.equal(kopiyky, kopiykyOf(text), text);
    assert.ok(Number.isSafeInteger(kopiyky), text);
    assert.equal(hryvniasOf(kopiyky!), Number(text), text);
  }
});
