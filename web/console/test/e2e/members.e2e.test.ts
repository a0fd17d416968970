import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from '@kasa/testing';
import { jpeg, pdfFile } from '@kasa/testing/sample-files';
import type { Page } from 'playwright-core';
import { file } from '../../../../services/mobile-gateway/test/support/clients.ts';
import { changeFirstPassword, consoleUnderTest, screenshot, signIn } from './support/console-under-test.ts';
import { membersOf } from './support/members.ts';

/**
 * A member who signed up in the app reaches staff through the attention queue: their card shows
 * the profile, the program and the documents they sent, in the page; staff give them a
 * certificate number and approve them, and can block and unblock them.
 */
const kasa = consoleUnderTest();
const { admin, memberAwaitingApproval } = membersOf(kasa);

/** A scan as a member's phone makes one: a PDF of one A4 page with a line of text. */
const onePagePdf = () =>
  pdfFile([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    { dictionary: '', data: Buffer.from('BT /F1 28 Tf 72 740 Td (INN 3012345678) Tj ET') },
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);

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
  const { memberId, token } = await memberAwaitingApproval('+380671234501', onePagePdf());
  const page = await signedInAdmin('/members');

  // The attention queue lists the new profile; its row leads to the card.
  await page.getByRole('heading', { name: 'Потребують уваги' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: 'Коваль Олена' });
  await row.getByText('Нова анкета').waitFor();
  await screenshot(page, 'members-queue');
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
  await screenshot(page, 'members-card', { fullPage: true });

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
  await screenshot(page, 'members-approve');
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
  await screenshot(later, 'members-card-approved', { fullPage: true });
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
  await screenshot(page, 'members-search');

  // The sidebar leads back to the queue, the search box emptied with it.
  await page.getByRole('navigation').getByRole('link', { name: 'Учасники' }).click();
  await page.getByRole('heading', { name: 'Потребують уваги' }).waitFor();
  assert.equal(await page.getByRole('searchbox', { name: 'Пошук учасників' }).inputValue(), '');
  await page.context().close();
});

test('an edit changes only what staff typed', async () => {
  const { memberId } = await memberAwaitingApproval('+380671234502', onePagePdf());
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
