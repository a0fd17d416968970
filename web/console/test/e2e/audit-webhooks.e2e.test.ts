import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { claimsFor, eventually, signToken, startWebhookReceiver, type WebhookReceiver } from '@kasa/testing';
import type { Page } from 'playwright-core';
import { changeFirstPassword, consoleUnderTest, screenshot, signIn } from './support/console-under-test.ts';

/**
 * An administrator reads the audit log (filtered, its hashes checked) and connects an external
 * system by webhook: registers it in the console (its secret shown once), sees what Kasa sent it,
 * and the dead letters.
 */
const kasa = consoleUnderTest();

let adminToken: string | undefined;
/** An administrator's token for what the test checks through the API. */
const admin = (method: string, path: string, body?: object) => {
  adminToken ??= signToken(kasa.kasa().keys.privateKey, claimsFor({ sub: '1', aud: 'staff', role: 'admin' }));
  return kasa.admin(method, path, body, adminToken);
};

/** The first administrator's own password, once the one-time one is changed (by whichever test signs in first). */
let ownPassword: string | undefined;
async function signedInAdmin(path: string): Promise<Page> {
  const { login, password } = kasa.firstAdmin();
  const page = await kasa.openConsole(path);
  if (ownPassword) await signIn(page, login, ownPassword);
  else {
    await signIn(page, login, password);
    ownPassword = await changeFirstPassword(page, password);
  }
  await page.getByTestId('signed-in-user').waitFor();
  return page;
}

/** Audit events of a type, once the trail has recorded them. */
const recorded = (type: string) =>
  eventually(
    async () => {
      const found = await admin('POST', '/audit', { type: [type] });
      return found.status === 200 && found.body.total > 0 ? found.body : null;
    },
    { message: `the audit trail holds ${type}` },
  );

let receiver: WebhookReceiver | undefined;
after(() => receiver?.close());

test('the audit log lists what happened, narrows by event type, and its hashes check out', async () => {
  await kasa.signUp('+380671234611');
  const page = await signedInAdmin('/');
  await recorded('staff.password_changed');
  await recorded('auth.member_signed_up');
  await page.getByRole('link', { name: 'Журнал дій' }).click();

  const log = page.getByRole('table', { name: 'Журнал дій' });
  await log.getByText('staff.password_changed').first().waitFor();
  await log.getByText('auth.member_signed_up').first().waitFor();
  const everything = await log.locator('tbody tr').count();
  assert.ok(everything >= 2, `the log lists ${everything} events`);

  // The whole chain, verified on the server as `./kasa audit-verify` does.
  await page.getByRole('button', { name: 'Перевірити весь ланцюжок' }).click();
  await page.getByRole('status').filter({ hasText: 'Перевірено всі події' }).waitFor();

  // The chain check of the page: every event's hash and its link to the one before.
  await page.getByRole('button', { name: 'Перевірити хеші на сторінці' }).click();
  await page.getByRole('status').filter({ hasText: 'Перевірено подій' }).waitFor();
  await page.getByText(`Перевірено подій: ${everything}.`).waitFor();
  await page
    .getByRole('button', { name: 'Перевірити хеші на сторінці' })
    .and(page.locator(':not([data-loading])'))
    .waitFor();
  await screenshot(page, 'audit');

  // One event type: only the password change is left, and the address keeps the filter.
  const types = page.getByPlaceholder('Оберіть або введіть тип');
  await types.fill('staff.password_changed');
  await types.press('Enter');
  await page.getByText('Показано 1–1 з 1').waitFor();
  assert.equal(await log.locator('tbody tr').count(), 1);
  await log.getByText('staff.password_changed').waitFor();
  assert.equal(await log.getByText('auth.member_signed_up').count(), 0);
  await eventually(
    async () => (decodeURIComponent(page.url()).includes('staff.password_changed') ? true : null),
    {
      message: 'the filter in the address',
    },
  );

  // The event in full: its hash matches what it says and follows the event before.
  await log.getByRole('button', { name: /^Докладно: Подія № \d+$/ }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByText('Хеш відповідає вмісту').waitFor();
  await drawer.getByText('Посилається на попередню подію').waitFor();
  await drawer.getByText('Працівник 1').first().waitFor();
  await drawer.getByRole('button', { name: 'Закрити' }).click();

  // The section's own link shows the whole log again, the form emptied.
  await page.getByRole('link', { name: 'Журнал дій' }).click();
  await page.getByText(`Показано 1–${everything} з ${everything}`).waitFor();
  assert.equal(await types.inputValue(), '');
  await page.context().close();
});

test('a webhook subscriber is registered with its secret shown once; its deliveries and the dead letters are listed', async () => {
  receiver = await startWebhookReceiver();
  const page = await signedInAdmin('/webhooks');
  await page.getByText('Підписників ще немає').waitFor();

  await page.getByRole('button', { name: 'Новий підписник' }).click();
  const form = page.getByRole('dialog', { name: 'Новий підписник' });
  await form.getByRole('textbox', { name: 'Адреса (URL)' }).fill(receiver.url);
  await form.getByRole('textbox', { name: 'Опис', exact: true }).fill('CRM фонду');
  await form.getByLabel('Типи подій').click();
  await page.getByRole('option', { name: 'усі події' }).click();
  // The list stays open for more choices: a click elsewhere in the form closes it.
  await form.getByText('Новий підписник').click();
  await form.getByRole('button', { name: 'Створити' }).click();

  const shown = page.getByRole('dialog', { name: 'Секрет підписника' });
  await shown.getByText('Секрет показано лише цього разу').waitFor();
  const secret = (await shown.getByTestId('webhook-secret').textContent())?.trim() ?? '';
  assert.match(secret, /^whsec_[A-Za-z0-9+/=]{32,}$/);
  await shown.getByRole('button', { name: 'Я зберіг секрет' }).click();
  await shown.waitFor({ state: 'hidden' });

  // Listed without its secret, and never shown again.
  const list = page.getByRole('table', { name: 'Підписники' });
  await list.getByText(receiver.url).waitFor();
  await list.getByText('усі події').waitFor();
  await list.getByText('Увімкнено').waitFor();
  assert.equal(await page.getByText(secret).count(), 0);
  await page.getByText('Підписника створено').waitFor({ state: 'hidden' });
  await screenshot(page, 'webhooks');

  // Nothing sent yet: the empty log.
  await list.getByRole('link', { name: `Відкрити: ${receiver.url}` }).click();
  await page.getByRole('heading', { name: 'CRM фонду' }).waitFor();
  await page.getByText('Доставок ще немає').waitFor();

  // A member signs up; Kasa sends the event, and the log shows it delivered with its attempt.
  await kasa.signUp('+380671234612');
  await eventually(async () => (receiver!.accepted().length > 0 ? true : null), { message: 'a delivery' });
  await page.getByRole('button', { name: 'Оновити' }).click();
  const delivered = page.getByRole('row').filter({ hasText: 'auth.member_signed_up' });
  await delivered.getByText('Доставлено').waitFor();
  await screenshot(page, 'webhooks-subscriber');
  await delivered.getByRole('button', { name: /^Докладно: Доставка № \d+$/ }).click();
  const drawer = page.getByRole('dialog', { name: /^Доставка № \d+$/ });
  await drawer.getByRole('cell', { name: '200', exact: true }).waitFor();
  await drawer.getByText('"type": "auth.member_signed_up"').waitFor();
  await screenshot(page, 'webhooks-delivery');
  await drawer.getByRole('button', { name: 'Закрити' }).click();

  // A new secret replaces the old one, shown once as well.
  await page.getByRole('button', { name: 'Новий секрет' }).click();
  await page.getByRole('button', { name: 'Підтвердити' }).click();
  const rotated = page.getByRole('dialog', { name: 'Секрет підписника' });
  const next = (await rotated.getByTestId('webhook-secret').textContent())?.trim() ?? '';
  assert.match(next, /^whsec_/);
  assert.notEqual(next, secret);
  await rotated.getByRole('button', { name: 'Я зберіг секрет' }).click();

  // Renamed, paused and resumed.
  await page.getByRole('button', { name: 'Змінити' }).click();
  const edit = page.getByRole('dialog', { name: 'Змінити підписника' });
  await edit.getByRole('textbox', { name: 'Опис', exact: true }).fill('CRM фонду, облік');
  await edit.getByRole('button', { name: 'Зберегти' }).click();
  await page.getByRole('heading', { name: 'CRM фонду, облік' }).waitFor();
  await page.getByRole('button', { name: 'Вимкнути' }).click();
  await page.getByRole('button', { name: 'Підтвердити' }).click();
  await page.getByText('Вимкнено адміністратором').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Надіслати всі недоставлені' }).count(), 0);
  await page.getByRole('button', { name: 'Увімкнути' }).click();
  await page.getByText('Увімкнено', { exact: true }).waitFor();

  // No delivery failed every attempt.
  await page.getByRole('link', { name: 'До підписників' }).click();
  await page.getByRole('tab', { name: 'Недоставлені' }).click();
  await page.getByText('Недоставлених подій немає.').waitFor();
  await page.getByText('Підписника увімкнено').waitFor({ state: 'hidden' });
  await screenshot(page, 'webhooks-dead-letters');

  // Deleted, it is gone from the list.
  await page.getByRole('tab', { name: 'Підписники' }).click();
  await page.getByRole('link', { name: `Відкрити: ${receiver.url}` }).click();
  await page.getByRole('button', { name: 'Видалити' }).click();
  await page.getByRole('button', { name: 'Підтвердити' }).click();
  await page.getByText('Підписників ще немає').waitFor();
  await page.context().close();
});
