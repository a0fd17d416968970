import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimsFor, eventually, signToken } from '@kasa/testing';
import { jpeg, pdf, pdfFile, png } from '@kasa/testing/sample-files';
import type { Page } from 'playwright-core';
import { file } from '../../../../services/mobile-gateway/test/support/clients.ts';
import { profileForm, whenMemberReady } from '../../../../services/mobile-gateway/test/support/whole-kasa.ts';
import { changeFirstPassword, consoleUnderTest, signIn } from './support/console-under-test.ts';

/**
 * A member who signed up in the app reaches staff through the attention queue: their card shows
 * the profile, the program and the documents they sent, in the page; staff give them a
 * certificate number and approve them, and can block and unblock them.
 */
const kasa = consoleUnderTest();
const SCREENSHOTS = new URL('../../../../docs/console/', import.meta.url).pathname;
let adminToken: string | undefined;

/** An administrator's token for what the test checks through the API (made once Kasa has started). */
const tokenOfAdmin = () => {
  adminToken ??= signToken(kasa.kasa().keys.privateKey, claimsFor({ sub: '1', aud: 'staff', role: 'admin' }));
  return adminToken;
};

const admin = (method: string, path: string, body?: object | FormData) =>
  kasa.admin(method, path, body, tokenOfAdmin());

/** A scan as a member's phone makes one: a PDF of one A4 page with a line of text. */
const onePagePdf = () =>
  pdfFile([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    { dictionary: '', data: Buffer.from('BT /F1 28 Tf 72 740 Td (INN 3012345678) Tj ET') },
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);

/** A member signed up by SMS who sent their profile with three documents, on a new program. */
async function memberAwaitingApproval(phone: string): Promise<{ memberId: number; token: string }> {
  const terms = new FormData();
  terms.append('program_name', 'Базова');
  terms.append('month_price', '300');
  terms.append('is_active', 'true');
  terms.append('new_program_file', file(pdf(), 'terms.pdf', 'application/pdf'));
  const program = await admin('PUT', '/program', terms);
  assert.equal(program.status, 200, JSON.stringify(program.body));
  const token = await kasa.signUp(phone);
  const form = profileForm(program.body.data.id, {
    inn: file(onePagePdf(), 'inn.pdf', 'application/pdf'),
    id_1: file(jpeg(), 'front.jpg', 'image/jpeg'),
    id_2: file(png(), 'back.png', 'image/png'),
  });
  const sent = await whenMemberReady(() => kasa.mobile('POST', '/user/profile/create', form, token));
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  return {
    memberId: Number(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub),
    token,
  };
}

/** The first administrator's own password, once the first test has changed the one-time one. */
let ownPassword: string | undefined;

async function signedInAdmin(path: string): Promise<Page> {
  const { login, password } = kasa.firstAdmin();
  const page = await kasa.openConsole(path);
  if (ownPassword) {
    await signIn(page, login, ownPassword);
  } else {
    await signIn(page, login, password);
    ownPassword = await changeFirstPassword(page, password);
  }
  await page.getByTestId('signed-in-user').waitFor();
  return page;
}

const cardOf = async (memberId: number) => (await admin('POST', '/member', { id: memberId })).body;

/** The image has been decoded: the browser drew it from the blob the console fetched. */
const imageShown = (page: Page, name: string) =>
  page.getByRole('img', { name, exact: true }).evaluate((image) => {
    const drawn = image as unknown as { complete: boolean; naturalWidth: number };
    return drawn.complete && drawn.naturalWidth > 0;
  });

test('approving a member who signed up through the mobile gateway', async () => {
  const { memberId, token } = await memberAwaitingApproval('+380671234501');
  const page = await signedInAdmin('/members');

  // The attention queue lists the new profile; its row leads to the card.
  await page.getByRole('heading', { name: 'Потребують уваги' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: 'Коваль Олена' });
  await row.getByText('Нова анкета').waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}members-queue.png` });
  await row.getByRole('link', { name: 'Коваль Олена' }).click();

  // The card: profile, the program, the documents in the page (images and the PDF), waiting for approval.
  await page.getByRole('heading', { name: 'Коваль Олена', level: 2 }).waitFor();
  assert.match(page.url(), new RegExp(`#/members/${memberId}$`));
  const program = page.getByRole('region', { name: 'Програма' });
  await program.getByText('Базова').waitFor();
  const documents = page.getByRole('region', { name: 'Нові документи (очікують схвалення)' });
  await documents.getByRole('img', { name: 'ID-картка, аверс', exact: true }).waitFor();
  await documents.getByRole('img', { name: 'ID-картка, реверс', exact: true }).waitFor();
  await eventually(async () => ((await imageShown(page, 'ID-картка, аверс')) ? true : null), {
    timeoutMs: 10_000,
    message: 'the front of the ID card was drawn',
  });
  const scan = documents.locator('iframe[title="Ідентифікаційний код"]');
  await scan.waitFor();
  assert.match((await scan.getAttribute('src')) ?? '', /^blob:/);
  await page.screenshot({ path: `${SCREENSHOTS}members-card.png`, fullPage: true });

  // Approval with a newly generated certificate number.
  await page.getByRole('button', { name: 'Схвалити', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Схвалення учасника' });
  await dialog.getByRole('button', { name: 'Згенерувати номер' }).click();
  const certificateInput = dialog.getByRole('textbox', { name: 'Номер посвідчення', exact: true });
  await eventually(async () => ((await certificateInput.inputValue()) ? true : null), {
    timeoutMs: 10_000,
    message: 'a certificate number was generated',
  });
  const certificate = await certificateInput.inputValue();
  assert.match(certificate, /^\d+$/);
  await page.screenshot({ path: `${SCREENSHOTS}members-approve.png` });
  await dialog.getByRole('button', { name: 'Схвалити', exact: true }).click();
  await page.getByText('Учасника схвалено.').waitFor();
  await page.getByRole('region', { name: 'Поточні документи' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Схвалити', exact: true }).count(), 0);

  const approved = await cardOf(memberId);
  assert.equal(approved.member.is_submited, true);
  assert.equal(approved.member.certificate, certificate);
  assert.equal(approved.new_identities.length, 0);
  assert.equal(approved.current_identities.length, 3);
  assert.equal(approved.actual_program.program.program_name, 'Базова');
  assert.equal((await kasa.mobile('GET', '/user/profile/get', undefined, token)).status, 200);

  // Approved, they open a request in the app; the card lists it.
  const request = new FormData();
  request.append('comment', 'Ліки після операції на коліні');
  request.append('file0', file(jpeg(), 'receipt.jpg', 'image/jpeg'));
  const opened = await kasa.mobile('POST', '/user/request/create', request, token);
  assert.equal(opened.status, 200, JSON.stringify(opened.body));
  const later = await signedInAdmin(`/members/${memberId}`);
  await later.getByRole('region', { name: 'Звернення' }).getByText('Ліки після операції на коліні').waitFor();
  await later.getByRole('region', { name: 'Поточні документи' }).waitFor();
  await later.screenshot({ path: `${SCREENSHOTS}members-card-approved.png`, fullPage: true });
  await later.context().close();

  // Blocked, then unblocked again.
  await page.getByRole('button', { name: 'Заблокувати', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Заблокувати учасника?' })
    .getByRole('button', { name: 'Заблокувати', exact: true })
    .click();
  await page.getByText('Учасника заблоковано.').waitFor();
  assert.equal((await cardOf(memberId)).member.is_active, false);
  await page.getByRole('button', { name: 'Розблокувати', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Розблокувати учасника?' })
    .getByRole('button', { name: 'Розблокувати', exact: true })
    .click();
  await page.getByText('Учасника розблоковано.').waitFor();
  assert.equal((await cardOf(memberId)).member.is_active, true);

  // The search finds them by certificate, in the certificate field only.
  await page.getByRole('link', { name: 'До списку учасників' }).click();
  await page.getByRole('checkbox', { name: 'ПІБ' }).uncheck();
  await page.getByRole('checkbox', { name: 'Паспорт' }).uncheck();
  await page.getByRole('checkbox', { name: 'ІПН' }).uncheck();
  await page.getByRole('checkbox', { name: 'IBAN' }).uncheck();
  await page.getByRole('searchbox', { name: 'Пошук учасників' }).fill(certificate);
  await page.getByText('Знайдено: 1').waitFor();
  const found = page.getByRole('row').filter({ hasText: 'Коваль Олена' });
  await found.getByRole('cell', { name: certificate, exact: true }).waitFor();
  await found.getByText('Нові звернення').waitFor();
  assert.match(page.url(), /fields=certificate/);
  await page.screenshot({ path: `${SCREENSHOTS}members-search.png` });

  // The sidebar leads back to the queue, the search box emptied with it.
  await page.getByRole('navigation').getByRole('link', { name: 'Учасники' }).click();
  await page.getByRole('heading', { name: 'Потребують уваги' }).waitFor();
  assert.equal(await page.getByRole('searchbox', { name: 'Пошук учасників' }).inputValue(), '');
  await page.context().close();
});

test('an edit changes only what staff typed', async () => {
  const { memberId } = await memberAwaitingApproval('+380671234502');
  const page = await signedInAdmin(`/members/${memberId}`);
  await page.getByRole('heading', { name: 'Коваль Олена', level: 2 }).waitFor();
  await page.getByRole('button', { name: 'Редагувати', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Редагування учасника' });
  await dialog.getByRole('textbox', { name: 'По батькові', exact: true }).fill('Петрівна');
  await dialog.getByRole('textbox', { name: 'Дата народження', exact: true }).fill('31.02.1990');
  assert.equal(await dialog.getByRole('button', { name: 'Зберегти' }).isDisabled(), true);
  await dialog.getByRole('textbox', { name: 'Дата народження', exact: true }).fill('05.03.1990');
  await dialog.getByRole('button', { name: 'Зберегти' }).click();
  await page.getByText('Дані учасника збережено.').waitFor();
  await page.getByRole('heading', { name: 'Коваль Олена Петрівна', level: 2 }).waitFor();
  const { member } = await cardOf(memberId);
  assert.equal(member.middle_name, 'Петрівна');
  assert.equal(member.birth_date, '1990-03-05');
  assert.equal(member.email, 'olena@example.org');
  assert.equal(member.is_submited, false);
  await page.context().close();
});
