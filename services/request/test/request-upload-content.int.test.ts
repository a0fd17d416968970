import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type FilePart, multipartBody } from '@kasa/testing';
import {
  htmlAfterPdfHeader,
  htmlPdfPolyglot,
  jpeg,
  pdf,
  pdfWithJavaScript,
  pngOfSize,
} from '@kasa/testing/sample-files';
import { caller } from './support/calls.ts';
import { type RequestUnderTest, startRequest } from './support/request-under-test.ts';

/** Issue 18 item 6 on the request service: receipts are checked, and served so a browser never runs them. */
let kasa: RequestUnderTest;
before(async () => {
  kasa = await startRequest();
});
after(() => kasa.close());

const call = caller(() => kasa);
const part = (bytes: Buffer, filename: string, type: string): FilePart => ({ bytes, filename, type });
const ATTACKS: [string, () => FilePart, number, RegExp][] = [
  [
    'a web page behind a PDF header',
    () => part(htmlAfterPdfHeader(), 'r.pdf', 'application/pdf'),
    400,
    /damaged/,
  ],
  [
    'a PDF that is also a web page',
    () => part(htmlPdfPolyglot(), 'r.pdf', 'application/pdf'),
    422,
    /web page/,
  ],
  [
    'a PDF with a script',
    () => part(pdfWithJavaScript('escaped-name'), 'r.pdf', 'application/pdf'),
    422,
    /scripts/,
  ],
  ['a PNG of 50,000 × 50,000', () => part(pngOfSize(50_000, 50_000), 'r.png', 'image/png'), 422, /too large/],
];

test('a new request and files added to one refuse what the attack uploaded, and keep nothing', async () => {
  const opened = await call(
    'POST',
    '/me/requests',
    kasa.memberAuth(1811),
    await multipartBody({ comment: 'Чек' }),
  );
  assert.equal(opened.statusCode, 201, opened.body);
  const before = await kasa.storedFiles();
  for (const [what, attack, status, message] of ATTACKS) {
    const good = part(jpeg(), 'ok.jpg', 'image/jpeg');
    const answers = [
      await call(
        'POST',
        '/me/requests',
        kasa.memberAuth(1811),
        await multipartBody({ comment: 'Чек', files: [good, attack()] }),
      ),
      await call(
        'POST',
        '/me/request-files',
        kasa.memberAuth(1811),
        await multipartBody({ id: String(opened.json().id), files: [good, attack()] }),
      ),
    ];
    for (const answer of answers) {
      assert.equal(answer.statusCode, status, `${what}: ${answer.body}`);
      assert.match(answer.json().message, message, what);
    }
  }
  assert.deepEqual(await kasa.storedFiles(), before, 'not even the good file beside it was kept');
  const requests = await kasa.query<{ n: number }>(
    'SELECT COUNT(*) AS n FROM requests WHERE member_id = 1811',
  );
  assert.equal(Number(requests[0]!.n), 1);
});

test('receipts are served sandboxed and unsniffable to the member and to staff', async () => {
  const files = [part(jpeg(), 'r.jpg', 'image/jpeg'), part(pdf(), 'r.pdf', 'application/pdf')];
  const opened = await call(
    'POST',
    '/me/requests',
    kasa.memberAuth(1812),
    await multipartBody({ comment: 'Чеки', files }),
  );
  assert.equal(opened.statusCode, 201, opened.body);
  const { id, files: stored } = opened.json() as { id: number; files: { filename: string }[] };
  for (const { filename } of stored) {
    for (const [url, auth] of [
      [`/me/requests/${id}/files/${filename}`, kasa.memberAuth(1812)],
      [`/staff/requests/${id}/files/${filename}`, kasa.staffAuth(3)],
      [`/staff/members/1812/request-files/${filename}`, kasa.staffAuth(3)],
    ] as const) {
      const answer = await call('GET', url, auth);
      assert.equal(answer.statusCode, 200, url);
      assert.equal(answer.headers['content-security-policy'], "default-src 'none'; sandbox", url);
      assert.equal(answer.headers['x-content-type-options'], 'nosniff', url);
      assert.match(
        String(answer.headers['content-disposition']),
        /^inline; filename="[0-9a-f]{32}\.(jpg|pdf)"$/,
        url,
      );
    }
  }
});
