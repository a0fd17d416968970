import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before } from 'node:test';
import { type Browser, type ConsoleMessage, chromium, type Page } from 'playwright-core';
import { createFirstAdmin } from '../../../../../services/auth/src/application/create-first-admin.ts';
import { clientsOf } from '../../../../../services/mobile-gateway/test/support/clients.ts';
import {
  type KasaUnderTest,
  startKasa,
} from '../../../../../services/mobile-gateway/test/support/kasa-under-test.ts';

/** Debian's Chromium, installed by `deploy/local/infra.sh install` (playwright-core downloads none). */
const CHROMIUM = process.env.KASA_CHROMIUM ?? '/usr/bin/chromium';
/** The console's build the admin gateway serves: `KASA_CONSOLE_DIR`, else web/console/dist. */
const BUILD_DIR = process.env.KASA_CONSOLE_DIR || new URL('../../../dist', import.meta.url).pathname;

export interface FirstAdmin {
  login: string;
  /** The one-time password `./kasa create-admin` prints, to be changed at the first sign-in. */
  password: string;
}

/**
 * The whole of Kasa (every service and both gateways, on fresh schemas), the admin gateway
 * serving the built console, a first administrator as `./kasa create-admin` makes one, and
 * Debian's Chromium. Every page a test opens is watched: an error thrown in it, or anything the
 * Content-Security-Policy refused, fails the test.
 */
export function consoleUnderTest() {
  let kasa: KasaUnderTest;
  let browser: Browser;
  let firstAdmin: FirstAdmin;
  const problems: string[] = [];

  before(async () => {
    assert.ok(
      existsSync(join(BUILD_DIR, 'index.html')),
      'the console is built first: pnpm --filter @kasa/console build (./kasa test does)',
    );
    kasa = await startKasa({
      withMembers: true,
      withStaff: true,
      withPayments: true,
      adminEnv: { CONSOLE_DIR: BUILD_DIR },
    });
    const outcome = await createFirstAdmin(kasa.auth.context.messaging.unitOfWork, {
      login: 'head',
      name: 'Олена Головна',
      email: 'head@example.org',
    });
    if (outcome.kind !== 'created') throw new Error(outcome.reason);
    firstAdmin = { login: 'head', password: outcome.created.password };
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  after(async () => {
    await browser?.close();
    await kasa?.stop();
  });
  afterEach(() => {
    const seen = problems.splice(0);
    assert.deepEqual(seen, [], 'the page threw nothing and its policy refused nothing');
  });

  const { mobile, admin, signUp } = clientsOf(
    () => kasa,
    () => '',
  );

  /** A fresh browser context (nothing shared with other pages) at the console. */
  async function openConsole(path = '/'): Promise<Page> {
    const context = await browser.newContext({
      locale: 'uk-UA',
      timezoneId: 'Europe/Kyiv',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text()))
        problems.push(`policy: ${message.text()}`);
    });
    await page.goto(`${kasa.adminUrl}${path.startsWith('/#') ? path : `/#${path}`}`);
    return page;
  }

  return {
    kasa: () => kasa,
    firstAdmin: () => firstAdmin,
    openConsole,
    /** The gateways' HTTP clients, for what a test sets up outside the console. */
    mobile,
    admin,
    signUp,
  };
}

/** Signs in on the sign-in page. */
export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Логін', exact: true }).fill(login);
  await page.getByRole('textbox', { name: 'Пароль', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Увійти' }).click();
}

/** Changes a one-time password on the page that asks for it; the new password. */
export async function changeFirstPassword(page: Page, oneTimePassword: string): Promise<string> {
  const chosen = 'тиха гавань 2026 весна';
  await page.getByRole('textbox', { name: 'Поточний пароль', exact: true }).fill(oneTimePassword);
  await page.getByRole('textbox', { name: 'Новий пароль', exact: true }).fill(chosen);
  await page.getByRole('textbox', { name: 'Новий пароль ще раз', exact: true }).fill(chosen);
  await page.getByRole('button', { name: 'Змінити пароль' }).click();
  return chosen;
}

/** Where the README's screenshots of the console live. */
const SCREENSHOTS = new URL('../../../../../docs/console/', import.meta.url).pathname;

/**
 * A screenshot of a screen for the README (`docs/console/<name>.png`), taken only when
 * `KASA_SCREENSHOTS=1`, so that a test run leaves the working tree as it was.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  if (process.env.KASA_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, ...options });
}
