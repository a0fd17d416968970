import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { eventually } from '@kasa/testing';
import { pdf } from '@kasa/testing/sample-files';
import type { Page } from 'playwright-core';
import { changeFirstPassword, consoleUnderTest, screenshot, signIn } from './support/console-under-test.ts';
import { membersOf } from './support/members.ts';

/**
 * Issue 21's register flow in a browser: a member pays 600 ₴ at (a local) LiqPay; the first
 * administrator records 150 ₴ more by hand, finds the member's payments in the register by
 * certificate, day and amount, checks the totals, exports the filtered rows as CSV and reads the
 * file, reverses the manual entry and refunds the LiqPay payment; and creates a program with its
 * terms in the programs screen.
 */
const kasa = consoleUnderTest();

const { admin, approvedMember } = membersOf(kasa);

/** A LiqPay checkout of `amount` hryvnias paid by the member; waits until the register has it confirmed. */
async function paidAtLiqPay(token: string, certificate: string, amount: number): Promise<void> {
  const asked = await fetch(`${kasa.kasa().mobileUrl}/user/payments/liqpay`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
    },
    body: JSON.stringify({ amount }),
  });
  assert.equal(asked.status, 200);
  assert.equal(
    await kasa.kasa().liqpay!.pay((await asked.json()) as { data: string; signature: string }, 'sandbox'),
    200,
  );
  await eventually(
    async () => {
      const found = await admin('POST', '/payments', { certificate, state: ['confirmed'] });
      return found.body.total === 1 ? true : null;
    },
    { timeoutMs: 15_000, message: 'the LiqPay payment confirmed in the register' },
  );
}

/** The first administrator's own password, once the one-time one is changed. */
let chosenPassword: string | null = null;

async function signedInAsFirstAdmin(path: string): Promise<Page> {
  const { login, password } = kasa.firstAdmin();
  const page = await kasa.openConsole(path);
  await signIn(page, login, chosenPassword ?? password);
  chosenPassword ??= await changeFirstPassword(page, password);
  await page.getByTestId('signed-in-user').waitFor();
  return page;
}

/** The register's totals as shown: how many match, and and the sum of all that match. */
async function totals(page: Page, count: string, sum: string): Promise<void> {
  await page
    .getByTestId('payments-total')
    .filter({ hasText: new RegExp(`^${count}$`) })
    .waitFor();
  await page.getByTestId('payments-sum').filter({ hasText: sum }).waitFor();
}

/** Kyiv's day as `yyyy-mm-dd` and `dd.mm.yyyy`. */
function kyivDay(): { iso: string; shown: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Kyiv',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    })
      .formatToParts(new Date())
      .map(({ type, value }) => [type, value]),
  );
  return {
    iso: `${parts.year}-${parts.month}-${parts.day}`,
    shown: `${parts.day}.${parts.month}.${parts.year}`,
  };
}

test('finding the payment in the register, checking the totals and exporting it; a manual entry, its reversal, a LiqPay refund', async () => {
  const { token, certificate } = await approvedMember('+380671260001');
  await paidAtLiqPay(token, certificate, 600);
  const today = kyivDay();

  const page = await signedInAsFirstAdmin('/payments');
  await page.getByRole('heading', { name: 'Платежі' }).waitFor();

  // A contribution brought to the office in cash, recorded by hand for the member found by certificate.
  await page.getByRole('button', { name: 'Внести платіж' }).click();
  const entry = page.getByRole('dialog', { name: 'Внесення платежу вручну' });
  await entry.getByRole('combobox', { name: 'Учасник' }).fill(certificate);
  await page.getByRole('option', { name: new RegExp(`посв\\. ${certificate}`) }).click();
  await entry.getByRole('textbox', { name: 'Сума, ₴' }).fill('150');
  await entry.getByRole('textbox', { name: 'Примітка' }).fill('Готівкою в офісі; квитанція №7');
  await screenshot(page, 'payments-entry');
  await entry.getByRole('button', { name: 'Внести' }).click();
  await page.getByText('Платіж внесено').waitFor();
  await entry.waitFor({ state: 'detached' });

  // The member's payments: by certificate, then today's only, then from 500 ₴.
  await page.getByRole('textbox', { name: 'Посвідчення учасника' }).fill(certificate);
  await totals(page, '2', '750,00 ₴');
  await page.getByRole('textbox', { name: 'Дата від' }).fill(today.shown);
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: 'Дата до' }).fill(today.shown);
  await page.keyboard.press('Escape');
  await totals(page, '2', '750,00 ₴');
  // The address keeps the filters (the router writes a value that looks like a number as JSON text).
  assert.match(decodeURIComponent(page.url()), new RegExp(`certificate="?${certificate}"?(&|$)`));
  const address = decodeURIComponent(page.url());
  assert.ok(address.includes(`from=${today.iso}`) && address.includes(`to=${today.iso}`), address);
  await page.getByText('Платіж внесено').waitFor({ state: 'detached' });
  await screenshot(page, 'payments-register');
  await page.getByRole('textbox', { name: 'Сума від, ₴' }).fill('500');
  await totals(page, '1', '600,00 ₴');
  const rows = page.getByRole('row');
  assert.equal(await rows.count(), 2, 'the header and the LiqPay payment');
  await rows.nth(1).getByText('LiqPay').waitFor();

  // The export is of every matching row: the LiqPay payment alone.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Експорт CSV' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `platezhi-${today.iso}.csv`);
  const bytes = await readFile((await download.path())!);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte-order mark first');
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  assert.equal(lines.at(-1), '', 'every line ends with CRLF');
  assert.equal(lines.length, 3, 'the header, one payment, the end');
  assert.match(lines[0]!, /^№;Дата платежу;Тип;Стан;Сума, грн;Учасник;Посвідчення;/);
  const cells = lines[1]!.split(';');
  assert.deepEqual(cells.slice(1, 7), [
    today.shown,
    'Поповнення',
    'Зараховано',
    '600,00',
    'Коваль Олена',
    certificate,
  ]);
  assert.equal(cells[9], 'LiqPay');
  await page.getByText('Файл CSV збережено: 1 рядків.').waitFor();

  // Without the amount, the manual entry is there again; reversed, a third entry takes it back.
  await page.getByRole('textbox', { name: 'Сума від, ₴' }).fill('');
  await totals(page, '2', '750,00 ₴');
  const manual = page.getByRole('row').filter({ hasText: 'Вручну' });
  await manual.getByRole('button', { name: /^Дії з платежем/ }).click();
  await page.getByRole('menuitem', { name: 'Сторнувати' }).click();
  const reversal = page.getByRole('dialog');
  await reversal.getByRole('textbox', { name: 'Причина сторно' }).fill('Внесено двічі');
  await reversal.getByRole('button', { name: 'Сторнувати' }).click();
  await page.getByText('Платіж сторновано').waitFor();
  await totals(page, '3', '600,00 ₴');
  await page.getByRole('row').filter({ hasText: '-150,00 ₴' }).waitFor();
  // A LiqPay payment is refunded, not reversed: an administrator returns it through LiqPay.
  const liqpay = page.getByRole('row').filter({ hasText: 'LiqPay' });
  await liqpay.getByRole('button', { name: /^Дії з платежем/ }).click();
  assert.equal(await page.getByRole('menuitem', { name: 'Сторнувати' }).count(), 0);
  await page.getByRole('menuitem', { name: 'Повернути кошти (LiqPay)' }).click();
  const refund = page.getByRole('dialog');
  await refund.getByRole('textbox', { name: 'Причина (зберігається з платежем)' }).fill('Учасник вибув');
  await refund.getByRole('button', { name: 'Повернути кошти' }).click();
  await page.getByText('Кошти повернено учаснику').waitFor();
  await refund.waitFor({ state: 'detached' });
  // Refunded, it is no longer confirmed money: nothing more is offered for it.
  await liqpay.getByText('Повернено').waitFor();
  assert.equal(await liqpay.getByRole('button', { name: /^Дії з платежем/ }).count(), 0);
  await page.context().close();
});

test('a program created with its PDF terms is listed, its terms open in the page, and it can be switched off', async () => {
  const page = await signedInAsFirstAdmin('/programs');
  await page.getByRole('heading', { name: 'Програми' }).waitFor();
  await page.getByRole('button', { name: 'Нова програма' }).click();
  const form = page.getByRole('dialog', { name: 'Нова програма' });
  await form.getByRole('textbox', { name: 'Назва програми' }).fill('Сімейна');
  await form.getByRole('textbox', { name: 'Внесок на місяць, ₴' }).fill('450,50');
  await form.locator('input[type="file"]').setInputFiles({
    name: 'simeina-umovy.pdf',
    mimeType: 'application/pdf',
    buffer: pdf(),
  });
  await form.getByRole('button', { name: 'Зберегти' }).click();
  await page.getByText('Програму створено').waitFor();
  const row = page.getByRole('row').filter({ hasText: 'Сімейна' });
  await row.getByText('450,50 ₴').waitFor();
  await row.getByText('Діє').waitFor();
  await row.getByText('ким: Олена Головна').waitFor();
  await page.getByText('Програму створено').waitFor({ state: 'detached' });
  await screenshot(page, 'programs');

  await row.getByRole('button', { name: 'Умови (PDF): Сімейна' }).click();
  const viewer = page.getByRole('dialog', { name: 'Умови програми «Сімейна»' });
  const frame = viewer.locator('iframe[title="Умови програми"]');
  await frame.waitFor();
  assert.match((await frame.getAttribute('src')) ?? '', /^blob:/);
  await viewer.getByRole('button').first().click();
  await viewer.waitFor({ state: 'detached' });

  // Switched off, it stays listed (and can be switched on again); its terms are kept.
  await row.getByRole('button', { name: 'Змінити: Сімейна' }).click();
  const change = page.getByRole('dialog', { name: 'Програма «Сімейна»' });
  await change.getByRole('checkbox', { name: 'Діє (учасники можуть її обрати)' }).uncheck();
  await change.getByRole('button', { name: 'Зберегти' }).click();
  await page.getByText('Програму оновлено').waitFor();
  await row.getByText('Вимкнена').waitFor();
  await row.getByRole('button', { name: 'Умови (PDF): Сімейна' }).waitFor();
  await page.context().close();
});
