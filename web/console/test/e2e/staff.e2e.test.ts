import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { changeFirstPassword, consoleUnderTest, screenshot, signIn } from './support/console-under-test.ts';

/**
 * An administrator makes a colleague's account in the console and hands over the one-time
 * password shown once; the colleague signs in with it, sets their own, and sees no staff screen
 * of administrators'. The administrator resets, blocks and deletes the account.
 */
const kasa = consoleUnderTest();

async function signedInAdmin(): Promise<Page> {
  const { login, password } = kasa.firstAdmin();
  const page = await kasa.openConsole('/staff');
  await signIn(page, login, password);
  await changeFirstPassword(page, password);
  await page.getByRole('heading', { name: 'Працівники', level: 2 }).waitFor();
  return page;
}

const actionsOf = (page: Page, login: string) => page.getByRole('button', { name: `Дії: ${login}` });

test('an administrator makes, resets, blocks and deletes a staff account; a staff user sees no staff screen', async () => {
  const admin = await signedInAdmin();
  // Nobody acts on themselves here but to edit their details.
  await actionsOf(admin, 'head').click();
  assert.equal(await admin.getByRole('menuitem', { name: 'Видалити' }).count(), 0);
  assert.equal(await admin.getByRole('menuitem', { name: 'Заблокувати' }).count(), 0);
  await admin.keyboard.press('Escape');

  await admin.getByRole('button', { name: 'Новий працівник' }).click();
  const form = admin.getByRole('dialog');
  await form.getByRole('textbox', { name: 'Логін', exact: true }).fill('clerk.olha');
  await form.getByRole('textbox', { name: 'Ім’я', exact: true }).fill('Ольга Бондар');
  await form.getByRole('textbox', { name: 'Ел. пошта', exact: true }).fill('olha@example.org');
  await form.getByRole('button', { name: 'Зберегти' }).click();
  const oneTime = (await admin.getByTestId('one-time-password').textContent())?.trim() ?? '';
  assert.ok(oneTime.length >= 8, 'the one-time password is shown');
  await screenshot(admin, 'staff-one-time-password');
  await admin.getByRole('button', { name: 'Я передав пароль' }).click();
  await admin.getByRole('cell', { name: 'Ольга Бондар' }).waitFor();
  await admin.getByText('тимчасовий пароль').first().waitFor();
  await screenshot(admin, 'staff');

  // The colleague, in a browser of their own.
  const clerk = await kasa.openConsole('/');
  await signIn(clerk, 'clerk.olha', oneTime);
  await changeFirstPassword(clerk, oneTime);
  await clerk.getByTestId('signed-in-user').filter({ hasText: 'Ольга Бондар' }).waitFor();
  assert.equal(
    await clerk.getByRole('link', { name: 'Працівники' }).count(),
    0,
    'no staff section for staff',
  );
  await clerk.goto(clerk.url().replace(/#.*/, '#/staff'));
  // An address typed by hand: the section says it is for administrators, and offers nothing.
  await clerk.getByRole('alert').filter({ hasText: 'Цей розділ лише для адміністраторів.' }).waitFor();
  assert.equal(await clerk.getByRole('button', { name: 'Новий працівник' }).count(), 0);

  // A reset gives a new one-time password, shown once.
  await actionsOf(admin, 'clerk.olha').click();
  await admin.getByRole('menuitem', { name: 'Скинути пароль' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Скинути пароль' }).click();
  const again = (await admin.getByTestId('one-time-password').textContent())?.trim() ?? '';
  assert.ok(again.length >= 8 && again !== oneTime);
  await admin.getByRole('button', { name: 'Я передав пароль' }).click();

  await actionsOf(admin, 'clerk.olha').click();
  await admin.getByRole('menuitem', { name: 'Заблокувати' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Заблокувати' }).click();
  await admin.getByText('Працівника заблоковано.').waitFor();
  await admin.getByText('заблокований').waitFor();

  await actionsOf(admin, 'clerk.olha').click();
  await admin.getByRole('menuitem', { name: 'Видалити' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Видалити' }).click();
  await admin.getByText('Працівника видалено.').waitFor();
  await admin.getByRole('cell', { name: 'Ольга Бондар' }).waitFor({ state: 'detached' });
  await Promise.all([admin.context().close(), clerk.context().close()]);
});
