import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { changeFirstPassword, consoleUnderTest, screenshot, signIn } from './support/console-under-test.ts';

/**
 * The dashboard is where a signed-in user lands; a session that ends while they work (their
 * password changed elsewhere) returns them to the sign-in page and, once signed in, back to it.
 */
const kasa = consoleUnderTest();

test('the dashboard shows members, contributions with the last 30 days, requests and deliveries', async () => {
  const { login, password } = kasa.firstAdmin();
  const page = await kasa.openConsole('/');
  await signIn(page, login, password);
  const chosen = await changeFirstPassword(page, password);
  await page.getByRole('heading', { name: 'Огляд', level: 2 }).waitFor();
  assert.match(page.url(), /#\/dashboard/);
  for (const heading of ['Учасники', 'Внески', 'Звернення', 'Вебхуки, що не доходять'])
    await page.getByRole('heading', { name: heading, level: 4 }).waitFor();
  await page.getByText('Внески за останні 30 днів').waitFor();
  await page.locator('.recharts-wrapper').waitFor();
  await screenshot(page, 'dashboard');

  // The same user changes their password elsewhere: every other session of theirs ends.
  const elsewhere = await kasa.admin('POST', '/signin', { login, password: chosen });
  assert.equal(elsewhere.status, 200);
  const next = 'тиха гавань 2027 зима';
  const changed = await kasa.admin(
    'POST',
    '/user/change_password',
    { old_password: chosen, new_password: next },
    elsewhere.body.access_token,
  );
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  await sleep(1_500); // the gateways learn of revoked sessions within a second

  await page.getByRole('button', { name: 'Оновити' }).click();
  await page.getByText('Сесія завершилася. Увійдіть знову, щоб продовжити.').waitFor();
  await page.getByRole('button', { name: 'Увійти' }).waitFor();
  assert.match(page.url(), /#\/sign-in\?redirect=%2Fdashboard/);
  await signIn(page, login, next);
  await page.getByRole('heading', { name: 'Огляд', level: 2 }).waitFor();
  assert.match(page.url(), /#\/dashboard/);
  await page.context().close();
});
