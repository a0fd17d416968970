import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminFileMissing } from '@kasa/contracts';
import { assertSeedShape } from '@kasa/testing';
import { jpeg } from '@kasa/testing/sample-files';
import { file } from '../../../mobile-gateway/test/support/clients.ts';
import { wholeKasa } from '../../../mobile-gateway/test/support/whole-kasa.ts';

/** SPEC §7 row 1 against the seed's `downloader` (seeds/000 admin-app/main.py). */

const { mobile, admin, approvedMember } = wholeKasa();

const SEED_NOT_FOUND = { status: 'error', message: 'Файл не знайдено' };
/** The names the file stores gave, wherever an answer mentions them (as a name or in a URL). */
const storedNamesIn = (body: unknown) => [...new Set(JSON.stringify(body).match(/\b[0-9a-f]{32}\b/g) ?? [])];

test("POST /files serves a member's documents and their requests' receipts; anything else is the seed's 404", async () => {
  const owner = await approvedMember('+380671770001', '100');
  const stranger = await approvedMember('+380671770002', '100');

  // The member's documents and photo, as the admin card names them.
  const card = await admin('POST', '/member', { id: owner.memberId });
  assert.equal(card.status, 200, JSON.stringify(card.body));
  const served: string[] = [];
  for (const filename of storedNamesIn(card.body)) {
    const answer = await admin('POST', '/files', { user_id: owner.memberId, filename });
    if (answer.status === 200) served.push(answer.headers.get('content-type') ?? '');
    else
      assert.deepEqual({ status: answer.status, body: answer.body }, { status: 404, body: SEED_NOT_FOUND });
  }
  assert.ok(served.length >= 3, `the tax card and both ID sides are served; served ${served}`);
  for (const type of served) assert.match(type, /^(image\/(jpeg|png|heic)|application\/pdf)/);

  // A receipt of one of the member's requests, by the member's id and its name, as the seed kept it.
  const form = new FormData();
  form.append('comment', 'Чек з аптеки');
  form.append('files', file(jpeg(), 'receipt.jpg', 'image/jpeg'));
  const opened = await mobile('POST', '/user/request/create', form, owner.token);
  assert.ok(opened.status === 200 || opened.status === 201, JSON.stringify(opened.body));
  const [receipt] = storedNamesIn(opened.body);
  assert.ok(receipt, `the receipt's name in ${JSON.stringify(opened.body)}`);
  const fetched = await admin('POST', '/files', { user_id: owner.memberId, filename: receipt });
  assert.equal(fetched.status, 200, JSON.stringify(fetched.body));
  assert.equal(fetched.headers.get('content-type'), 'image/jpeg');

  // Not this member's file, no member, no such file: the seed's 404.
  for (const body of [
    { user_id: stranger.memberId, filename: receipt },
    { filename: receipt },
    { user_id: owner.memberId, filename: '0'.repeat(32) },
    { user_id: owner.memberId, filename: '../../etc/passwd' },
  ]) {
    const missing = await admin('POST', '/files', body);
    assert.equal(missing.status, 404, JSON.stringify(body));
    assertSeedShape(AdminFileMissing, missing.body, 'POST /files (missing)');
    assert.deepEqual(missing.body, SEED_NOT_FOUND);
  }
});
