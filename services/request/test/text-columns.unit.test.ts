import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textFits } from '@kasa/db';
import { requestMessages, requests } from '../src/db/schema.ts';
import { MessageText } from '../src/http/request-fields.ts';

/**
 * What members and staff write (the request's text, messages) is kept in `text` columns,
 * which hold bytes, not characters: the declared limit must fit them at 4 bytes a character
 * (an emoji), or the longest allowed text would fail in the database as a 500.
 */
test('the longest text a member or staff may write fits its column in any script', () => {
  assert.ok(textFits(MessageText, requests.requestText));
  assert.ok(textFits(MessageText, requestMessages.message));
});
