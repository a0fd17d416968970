import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changeFirstPassword, consoleUnderTest, signIn } from './support/console-under-test.ts';

/**
 * A new administrator's first minutes: the console at the admin gateway's address, the sign-in
 * with the one-time password `./kasa create-admin` printed, the password of their own, sign-out;
 * and without a session no staff screen at all.
 */
const kasa = consoleUnderTest();

test('without a session every address of the console shows the sign-in page, and nothing of the API', async () => {
  for (const path of ['/', '/change-password', '/members']) {
    const page = await kasa.openConsole(path);
    await page.getByRole('button', { name: 'Увійти' }).waitFor();
    assert.match(page.url(), /#\/sign-in/);
    assert.equal(await page.getByTestId('signed-in-user').count(), 0);
    await page.context().close();
  }
});

test('the page is served with a strict policy: its own origin only, a fresh nonce each time, never cached', async () => {
  const first = await fetch(`${kasa.kasa().adminUrl}/`);
  const second = await fetch(`${kasa.kasa().adminUrl}/`);
  const policy = first.headers.get('content-security-policy') ?? '';
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /script-src 'self'(;|$)/);
  assert.match(policy, /frame-ancestors 'none'/);
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|https?:/);
  assert.notEqual(policy, second.headers.get('content-security-policy'));
  assert.equal(first.headers.get('cache-control'), 'no-store');
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(await first.text())?.[1];
  assert.ok(script, 'the page loads its script from /assets/');
  const asset = await fetch(`${kasa.kasa().adminUrl}${script}`, {
    headers: { 'accept-encoding': 'br, gzip' },
  });
  assert.equal(asset.status, 200);
  assert.match(asset.headers.get('cache-control') ?? '', /max-age=31536000.*immutable/);
  assert.equal(asset.headers.get('content-encoding'), 'br');
});

test('a wrong password is refused in words; the one-time password leads to a password of their own', async () => {
  const { login, password } = kasa.firstAdmin();
  const page = await kasa.openConsole('/');
  await signIn(page, login, 'not the password');
  await page.getByRole('alert').filter({ hasText: 'Неправильний логін або пароль.' }).waitFor();

  await signIn(page, login, password);
  await page.getByText('Ви увійшли з тимчасовим паролем').waitFor();
  // Two different new passwords are caught before anything is sent.
  await page.getByRole('textbox', { name: 'Поточний пароль', exact: true }).fill(password);
  await page.getByRole('textbox', { name: 'Новий пароль', exact: true }).fill('тиха гавань 2026 весна');
  await page
    .getByRole('textbox', { name: 'Новий пароль ще раз', exact: true })
    .fill('тиха гавань 2026 осінь');
  await page.getByRole('button', { name: 'Змінити пароль' }).click();
  await page.getByRole('alert').filter({ hasText: 'Паролі не збігаються.' }).waitFor();

  const chosen = await changeFirstPassword(page, password);
  await page.getByTestId('signed-in-user').filter({ hasText: 'Олена Головна' }).waitFor();
  assert.doesNotMatch(page.url(), /sign-in|change-password/);

  // Signed out, the console forgets the session: the old one-time password no longer works, the new one does.
  await page.getByRole('button', { name: 'Вийти' }).click();
  await page.getByRole('button', { name: 'Увійти' }).waitFor();
  await signIn(page, login, password);
  await page.getByRole('alert').filter({ hasText: 'Неправильний логін або пароль.' }).waitFor();
  await signIn(page, login, chosen);
  await page.getByTestId('signed-in-user').waitFor();
  await page.context().close();
});
