import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type FilePart, multipartBody } from '@kasa/testing';
import {
  htmlAfterPdfHeader,
  htmlPdfPolyglot,
  jpeg,
  pdf,
  pdfWithJavaScript,
  png,
  pngOfSize,
} from '@kasa/testing/sample-files';
import { type MemberUnderTest, startMember } from './support/member-under-test.ts';

/**
 * Issue 18 item 6 on the member service's upload routes (profile documents, profile photo,
 * program terms) and the routes that serve what they stored.
 */
let member: MemberUnderTest;
let programId: number;
before(async () => {
  member = await startMember();
  await member.query("INSERT INTO programs (name, month_price) VALUES ('Базова', 20000)");
  programId = (await member.query<{ id: number }>('SELECT MAX(id) AS id FROM programs'))[0]!.id;
});
after(() => member.close());

const part = (bytes: Buffer, filename: string, type: string): FilePart => ({ bytes, filename, type });
const ATTACKS: [string, () => FilePart, number, RegExp][] = [
  [
    'a web page behind a PDF header',
    () => part(htmlAfterPdfHeader(), 'a.pdf', 'application/pdf'),
    400,
    /damaged/,
  ],
  [
    'a PDF that is also a web page',
    () => part(htmlPdfPolyglot(), 'a.pdf', 'application/pdf'),
    422,
    /web page/,
  ],
  [
    'a PDF with a script',
    () => part(pdfWithJavaScript('object-stream'), 'a.pdf', 'application/pdf'),
    422,
    /scripts/,
  ],
  ['a PNG of 50,000 × 50,000', () => part(pngOfSize(50_000, 50_000), 'a.png', 'image/png'), 422, /too large/],
];

async function send(
  method: 'POST' | 'PATCH' | 'PUT',
  url: string,
  auth: string,
  fields: Record<string, string | FilePart>,
) {
  const form = await multipartBody(fields);
  return member.service.app.inject({
    method,
    url,
    headers: { authorization: auth, ...form.headers },
    payload: form.payload,
  });
}

function profile(documents: Record<string, FilePart>) {
  return {
    first_name: 'Олена',
    last_name: 'Коваль',
    email: 'olena@example.org',
    program_id: String(programId),
    iban: 'UA743052990000026007233566001',
    inn: part(pdf(), 'inn.pdf', 'application/pdf'),
    id_1: part(jpeg(), 'front.jpg', 'image/jpeg'),
    id_2: part(png(), 'back.png', 'image/png'),
    ...documents,
  };
}

test('profile documents, the photo and program terms refuse what the attack uploaded, and keep nothing', async () => {
  await member.signUp(1801, '+380671180001');
  const before = await member.storedFiles();
  for (const [what, attack, status, message] of ATTACKS) {
    const isPicture = attack().type?.startsWith('image/') === true;
    const answers = [
      ['documents', await send('POST', '/me/profile', member.memberAuth(1801), profile({ inn: attack() }))],
      ...(isPicture
        ? [
            [
              'photo',
              await send('PATCH', '/me/profile', member.memberAuth(1801), { photo: attack() }),
            ] as const,
          ]
        : [
            [
              'terms',
              await send('PUT', '/staff/programs', member.staffAuth(1, 'admin'), {
                program_name: 'Умови',
                month_price: '100',
                new_program_file: attack(),
              }),
            ] as const,
          ]),
    ] as const;
    for (const [route, answer] of answers) {
      assert.equal(answer.statusCode, status, `${what} as ${route}: ${answer.body}`);
      assert.match(answer.json().message, message, `${what} as ${route}`);
    }
  }
  assert.deepEqual(await member.storedFiles(), before, 'nothing was left on disk');
  const [row] = await member.query<{ profile_sent_at: unknown; photo_file: unknown }>(
    'SELECT profile_sent_at, photo_file FROM members WHERE id = 1801',
  );
  assert.deepEqual({ ...row }, { profile_sent_at: null, photo_file: null });
});

test("a member's files, staff's view of them and the terms are served sandboxed and unsniffable", async () => {
  await member.signUp(1802, '+380671180002');
  const sent = await send('POST', '/me/profile', member.memberAuth(1802), profile({}));
  assert.equal(sent.statusCode, 200, sent.body);
  const terms = await send('PUT', '/staff/programs', member.staffAuth(1, 'admin'), {
    program_name: 'З умовами',
    month_price: '100',
    new_program_file: part(pdf(), 'terms.pdf', 'application/pdf'),
  });
  assert.equal(terms.statusCode, 200, terms.body);
  const documents = await member.query<{ file_name: string }>(
    'SELECT file_name FROM identity_documents WHERE member_id = 1802',
  );
  assert.equal(documents.length, 3);
  const urls = [
    ...documents.map(({ file_name }) => [`/me/files/${file_name}`, member.memberAuth(1802)]),
    ...documents.map(({ file_name }) => [`/staff/members/1802/files/${file_name}`, member.staffAuth(3)]),
    [`/programs/terms/${terms.json().data.program_file}`, undefined],
  ] as const;
  for (const [url, auth] of urls) {
    const answer = await member.service.app.inject({
      method: 'GET',
      url,
      headers: auth === undefined ? {} : { authorization: auth },
    });
    assert.equal(answer.statusCode, 200, url);
    assert.equal(answer.headers['content-security-policy'], "default-src 'none'; sandbox", url);
    assert.equal(answer.headers['x-content-type-options'], 'nosniff', url);
    assert.match(
      String(answer.headers['content-disposition']),
      /^inline; filename="[0-9a-f]{32}\.(pdf|jpg|png)"$/,
      url,
    );
  }
});
