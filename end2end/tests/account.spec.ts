import { test, expect, Browser, Page } from '@playwright/test';
import * as fs from 'fs';
import { signIn, untilHydrated } from './helpers';

// "Il mio account": signing in back to the page asked for, changing one's password
// (the other device's session ends), seeing one's sessions; and the warning before the
// idle timeout. Each test works on an account of its own, made by the administrator, so
// that the demo accounts keep their password for the other tests.

test.use({ locale: 'it-IT' });

const FIRST_PASSWORD = 'lanterna rossa sul molo di Genova';
const SECOND_PASSWORD = 'sedia verde sul balcone di Bra';

/** A new trainer account of the coordination, made through the administrator's API. */
async function newAccount(browser: Browser, tag: string): Promise<string> {
  const email = `conto.${tag}.${Date.now().toString(36)}@anello.test`;
  const context = await browser.newContext({ locale: 'it-IT' });
  const admin = await context.newPage();
  await signIn(admin, 'admin@anello.test');
  const baseURL = test.info().project.use.baseURL ?? 'http://127.0.0.1:3000';
  const response = await admin.request.post('/api/admin/users/save', {
    headers: { Origin: new URL(baseURL).origin, Accept: 'application/json' },
    form: {
      'form[id]': '',
      'form[email]': email,
      'form[display_name]': 'Lucia Ferraris',
      'form[organisation_id]': '1',
      'form[language]': '',
      'form[password]': FIRST_PASSWORD,
      'form[role_trainer]': 'on',
    },
  });
  expect(response.status(), await response.text()).toBe(200);
  await context.close();
  return email;
}

async function signInWith(page: Page, email: string, password: string) {
  await page.getByLabel('Indirizzo e-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.locator('main').getByRole('button', { name: 'Accedi' }).click();
}

for (const width of [1280, 360]) {
  test(`she signs in back to the page she asked for and changes her password at ${width} px`, async ({ browser, page }, info) => {
    const email = await newAccount(browser, `${width}${info.project.name.length}`);
    await page.setViewportSize({ width, height: 900 });

    // Her phone, signed in first.
    const phoneContext = await browser.newContext({ locale: 'it-IT', javaScriptEnabled: info.project.use.javaScriptEnabled });
    const phone = await phoneContext.newPage();
    await phone.goto('/accedi');
    await signInWith(phone, email, FIRST_PASSWORD);
    await expect(phone.getByRole('button', { name: 'Esci' })).toBeVisible();

    // An e-mail's link to /notifiche, opened signed out: back there after signing in.
    await page.goto('/notifiche');
    await expect(page).toHaveURL(/\/accedi\?torna=%2Fnotifiche$/);
    await expect(page.getByText('Accedi per aprire la pagina richiesta.')).toBeVisible();
    await signInWith(page, email, FIRST_PASSWORD);
    await expect(page).toHaveURL(/\/notifiche$/);

    // Her name leads to her account: two sessions.
    await page.getByRole('link', { name: 'Lucia Ferraris' }).click();
    await expect(page.getByRole('heading', { name: 'Il mio account', level: 1 })).toBeVisible();
    await untilHydrated(page);
    await expect(page.locator('.session-list li')).toHaveCount(2);
    await expect(page.locator('.session-list')).toContainText('Questa sessione');

    // A wrong current password is said next to its field; nothing changes.
    await page.getByLabel('Password attuale').fill('non è questa');
    await page.getByLabel(/^Nuova password/).fill(SECOND_PASSWORD);
    await page.getByLabel('Ripeti la nuova password').fill(SECOND_PASSWORD);
    await page.getByRole('button', { name: 'Cambia la password' }).click();
    await expect(page.getByText('Non è la tua password attuale.').first()).toBeVisible();

    await page.getByLabel('Password attuale').fill(FIRST_PASSWORD);
    await page.getByLabel(/^Nuova password/).fill(SECOND_PASSWORD);
    await page.getByLabel('Ripeti la nuova password').fill(SECOND_PASSWORD);
    await page.getByRole('button', { name: 'Cambia la password' }).click();
    await expect(page.getByText('Password cambiata.')).toBeVisible();
    await expect(page.locator('.session-list li')).toHaveCount(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `the account page scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    fs.mkdirSync('screenshots', { recursive: true });
    await page.screenshot({ path: `screenshots/${info.project.name}-account-${width}.png`, fullPage: true });

    // The phone's session is over.
    await phone.goto('/notifiche');
    await expect(phone).toHaveURL(/\/accedi/);
    await phoneContext.close();

    // In English, with the new password.
    const english = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: info.project.use.javaScriptEnabled });
    const en = await english.newPage();
    await en.setViewportSize({ width, height: 900 });
    await en.goto('/il-mio-account');
    await en.getByLabel('E-mail address').fill(email);
    await en.getByLabel('Password').fill(SECOND_PASSWORD);
    await en.locator('main').getByRole('button', { name: 'Sign in' }).click();
    await expect(en.getByRole('heading', { name: 'My account', level: 1 })).toBeVisible();
    await expect(en.getByRole('heading', { name: 'Where you are signed in' })).toBeVisible();
    await english.close();
  });
}

test('two minutes before the idle timeout she is warned and can stay signed in', async ({ page, browser }, info) => {
  test.skip(info.project.name !== 'javascript', 'the warning is the hydrated page\'s');
  const email = await newAccount(browser, 'idle');
  await page.clock.install();
  await page.goto('/accedi');
  await signInWith(page, email, FIRST_PASSWORD);
  await expect(page.getByRole('button', { name: 'Esci' })).toBeVisible();
  await page.goto('/forum');
  await untilHydrated(page);
  const title = page.getByRole('heading', { name: 'La sessione sta per chiudersi' });
  await expect(title).toHaveCount(0);
  await page.clock.fastForward('28:05');
  await expect(title).toBeVisible();
  const stay = page.getByRole('button', { name: 'Rimani nella sessione' });
  await expect(stay).toBeFocused();
  await page.screenshot({ path: `screenshots/${info.project.name}-idle-warning.png` });
  await stay.click();
  await expect(title).toHaveCount(0);
  // Left alone for the whole timeout: the page says the session ended, and keeps the page.
  await page.clock.fastForward('30:05');
  await expect(page.getByRole('heading', { name: 'La sessione si è chiusa per inattività' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Accedi in un\'altra scheda' })).toHaveAttribute('href', '/accedi?torna=%2Fforum');
});

test('without e-mail, a forgotten password is the administration\'s to reset', async ({ page }) => {
  await page.goto('/accedi');
  await page.getByRole('link', { name: 'Hai dimenticato la password?' }).click();
  await expect(page.getByRole('heading', { name: 'Password dimenticata', level: 1 })).toBeVisible();
  await expect(page.getByText('Questa rete non invia e-mail.')).toBeVisible();
  await expect(page.getByLabel('Indirizzo e-mail')).toHaveCount(0);
});
