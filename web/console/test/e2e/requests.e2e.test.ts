import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pdf } from '@kasa/testing/sample-files';
import type { Page } from 'playwright-core';
import { file } from '../../../../services/mobile-gateway/test/support/clients.ts';
import { changeFirstPassword, consoleUnderTest, screenshot, signIn } from './support/console-under-test.ts';
import { membersOf } from './support/members.ts';

/**
 * Issue 21's request flow in a browser: a member asks for aid with receipt photos through the
 * app; the first administrator finds the request, reads the receipt, answers the member, grants
 * an amount and pays it out in two parts until nothing is left; the member sees it all.
 */
const kasa = consoleUnderTest();

const { mobile, admin, approvedMember } = membersOf(kasa);

/** A pharmacy receipt as a member photographs it: drawn by the browser, as a PNG. */
async function receiptPhoto(page: Page): Promise<Buffer> {
  const painter = await page.context().newPage();
  await painter.setViewportSize({ width: 360, height: 300 });
  await painter.setContent(`<body style="margin:0;background:#ddd;font:13px monospace">
    <div style="margin:20px auto;width:300px;padding:18px;background:#fff;box-shadow:0 2px 6px #999">
      <div style="text-align:center;font-weight:bold">АПТЕКА «ЗДОРОВ’Я»</div>
      <div style="text-align:center">м. Київ, вул. Хрещатик, 1</div><hr>
      <div>Цефтріаксон 1 г ×10 ....... 980,00</div>
      <div>Метронідазол 0,5 ×20 ...... 320,50</div>
      <div>Шприци 5 мл ×20 ........... 200,00</div><hr>
      <div style="font-weight:bold">СУМА ..................... 1500,50</div>
      <div>Оплата карткою</div><div>07.12.2026 14:32</div>
      <div style="text-align:center;margin-top:12px">ФІСКАЛЬНИЙ ЧЕК № 48213</div>
    </div></body>`);
  const photo = await painter.screenshot({ type: 'png' });
  await painter.close();
  return photo;
}

/** Records a payout of what is typed; the payment service learns of a new grant a moment later, so a refusal for that is tried again. */
async function recordPayout(page: Page): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    await page.getByRole('button', { name: 'Записати виплату' }).click();
    const outcome = await Promise.race([
      page
        .getByText('Виплату записано.')
        .waitFor()
        .then(() => 'recorded' as const),
      page
        .getByText(/has been granted for this request yet/)
        .waitFor()
        .then(() => 'not yet granted' as const),
    ]);
    if (outcome === 'recorded') {
      await page.getByText('Виплату записано.').waitFor({ state: 'detached' });
      return;
    }
    assert.ok(attempt < 20, 'the payment service learned of the grant');
    await page.getByText(/has been granted for this request yet/).waitFor({ state: 'detached' });
  }
}

test('answering a request, granting it and paying it out in two parts until nothing is left', async () => {
  const { token, memberId } = await approvedMember('+380671250001');
  const page = await kasa.openConsole('/requests');
  const form = new FormData();
  form.append('comment', 'Ліки після операції, чеки додаю');
  form.append('files', file(await receiptPhoto(page), 'receipt.png', 'image/png'));
  form.append('files', file(pdf(), 'prescription.pdf', 'application/pdf'));
  const opened = await mobile('POST', '/user/request/create', form, token);
  assert.equal(opened.status, 200, JSON.stringify(opened.body));
  const requestId: number = opened.body.id;
  for (const comment of ['Консультація кардіолога, висновок додаю', 'Аналізи крові перед операцією']) {
    const another = new FormData();
    another.append('comment', comment);
    another.append('files', file(pdf(), 'invoice.pdf', 'application/pdf'));
    assert.equal((await mobile('POST', '/user/request/create', another, token)).status, 200);
  }

  await signIn(page, kasa.firstAdmin().login, kasa.firstAdmin().password);
  await changeFirstPassword(page, kasa.firstAdmin().password);

  // Only new requests, of a member found by name as the staff member types it.
  await page.getByRole('checkbox', { name: 'Чекає відповіді фонду' }).uncheck();
  await page.getByRole('checkbox', { name: 'Чекає відповіді учасника' }).uncheck();
  await page.getByRole('textbox', { name: 'Пошук', exact: true }).fill('Коваль');
  await page.waitForURL(/q=/);
  const link = page.getByRole('link', { name: `Відкрити звернення №${requestId}` });
  await link.waitFor();
  await page.getByRole('row').filter({ hasText: 'Ліки після операції' }).getByText('Нове').waitFor();
  await link.click();

  // The first receipt is shown inline, fetched with the session's token.
  await page.getByRole('heading', { name: `Звернення №${requestId}` }).waitFor();
  const receipt = page.getByRole('img', { name: 'Файл 1', exact: true });
  await receipt.waitFor();
  await page.waitForFunction(
    "[...document.images].some((image) => image.alt === 'Файл 1' && image.complete && image.naturalWidth > 0)",
  );

  // The prescription's very bytes are attached to the member's other two requests too.
  await page.getByRole('alert').filter({ hasText: 'Файл 2 уже додано до звернень' }).waitFor();
  await page.getByRole('link', { name: '№2', exact: true }).waitFor();

  // An answer to the member, and a note they never see.
  const conversation = page.getByRole('textbox', { name: 'Повідомлення', exact: true });
  await conversation.fill('Додайте, будь ласка, виписку лікаря');
  await page.getByRole('button', { name: 'Надіслати учаснику' }).click();
  await page.getByText('Відповідь надіслано учаснику.').waitFor();
  await conversation.fill('Перевірити суму в аптеці');
  await page.getByRole('button', { name: 'Додати нотатку' }).click();
  await page.getByText('Нотатку додано.').waitFor();
  await page.getByTestId('request-message').filter({ hasText: 'Внутрішня нотатка' }).waitFor();

  // The decision: a diagnosis and 1500,50 ₴ granted.
  await page.getByRole('textbox', { name: 'Діагноз', exact: true }).fill('Апендектомія');
  await page.getByRole('textbox', { name: 'Призначена сума, ₴', exact: true }).fill('1500,50');
  await page.getByRole('button', { name: 'Зберегти рішення' }).click();
  await page.getByText('Рішення збережено.').waitFor();
  const left = page.getByTestId('payout-left');
  await left.filter({ hasText: '1 500,50 ₴' }).waitFor();

  // A part first, then the rest: nothing is left.
  await page.getByRole('textbox', { name: 'Сума виплати, ₴', exact: true }).fill('500');
  await recordPayout(page);
  await left.filter({ hasText: '1 000,50 ₴' }).waitFor();
  await page.getByRole('button', { name: 'Увесь залишок' }).click();
  assert.equal(
    await page.getByRole('textbox', { name: 'Сума виплати, ₴', exact: true }).inputValue(),
    '1000,50',
  );
  await recordPayout(page);
  await left.filter({ hasText: '0,00 ₴' }).waitFor();
  await page.getByText('Призначену суму виплачено повністю.').waitFor();
  await page.getByRole('cell', { name: 'Часткове відшкодування' }).waitFor();
  await page.getByRole('cell', { name: 'Відшкодування', exact: true }).waitFor();
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, 'requests-card');
  await page.getByRole('heading', { name: 'Листування' }).evaluate((heading) => heading.scrollIntoView());
  await screenshot(page, 'requests-conversation');

  // The member reads the answer (not the note), the diagnosis and the amount.
  const seen = await mobile('GET', `/user/request/${requestId}`, undefined, token);
  assert.equal(seen.body.status, 'awaiting_client');
  assert.equal(seen.body.diagnos, 'Апендектомія');
  assert.equal(seen.body.sum, 1500.5);
  assert.deepEqual(
    seen.body.messages.map((message: { message: string }) => message.message),
    ['Додайте, будь ласка, виписку лікаря'],
  );
  const payouts = (await admin('POST', '/request', { request: requestId })).body.data.charges;
  assert.deepEqual(
    payouts.map((payout: { amount: number; member_id: number }) => [payout.amount, payout.member_id]).sort(),
    [
      [1000.5, memberId],
      [500, memberId],
    ],
  );

  // Closed, the request takes no answer; reopened, it waits for staff again.
  await page.getByRole('button', { name: 'Закрити звернення' }).click();
  await page.getByText('Звернення закрито.').waitFor();
  assert.ok(await page.getByRole('button', { name: 'Надіслати учаснику' }).isDisabled());
  await page.getByRole('button', { name: 'Відкрити знову' }).click();
  await page.getByText('Звернення відкрито знову.').waitFor();
  // Notifications stay while the pointer rests on them, and they sit where the button was.
  await page.mouse.move(600, 700);
  await page.getByText('Звернення відкрито знову.').waitFor({ state: 'detached', timeout: 10_000 });

  // Back in the list as it was left, then every status: the request now waits for the fund, granted 1 500,50 ₴.
  await page.goBack();
  assert.equal(await page.getByRole('textbox', { name: 'Пошук', exact: true }).inputValue(), 'Коваль');
  for (const status of ['Чекає відповіді фонду', 'Чекає відповіді учасника', 'Закрите'])
    await page.getByRole('checkbox', { name: status }).check();
  const row = page.getByRole('row').filter({ hasText: 'Ліки після операції' });
  await row.filter({ hasText: 'Чекає відповіді фонду' }).filter({ hasText: '1 500,50 ₴' }).waitFor();
  assert.equal(await page.getByRole('row').count(), 4, 'a header and the member’s three requests');
  await screenshot(page, 'requests-list');
  assert.equal(
    (await mobile('GET', `/user/request/${requestId}`, undefined, token)).body.status,
    'awaiting_agent',
  );
  await page.context().close();
});
