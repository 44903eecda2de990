import { test, expect, Page } from '@playwright/test';
import * as fs from 'fs';

const PASSWORD = 'anello-demo';

// Each demo role and the sections its navigation must show (by href).
const ROLES: { email: string; nav: string[] }[] = [
  { email: 'admin@anello.test', nav: ['/', '/forum', '/azioni-di-sistema', '/amministrazione/organizzazioni', '/amministrazione/utenti', '/amministrazione/forum', '/registro-attivita'] },
  { email: 'coordinatrice@anello.test', nav: ['/', '/il-mio-lavoro', '/contatti', '/persone', '/posti-letto', '/strutture', '/lista-attesa', '/indicatori', '/servizi', '/forum', '/azioni-di-sistema', '/spese', '/rapporti', '/amministrazione/organizzazioni', '/amministrazione/utenti', '/amministrazione/forum', '/registro-attivita'] },
  { email: 'accoglienza@anello.test', nav: ['/', '/il-mio-lavoro', '/contatti', '/persone', '/posti-letto', '/strutture', '/lista-attesa', '/indicatori', '/servizi', '/forum', '/azioni-di-sistema', '/spese', '/rapporti'] },
  { email: 'accoglienza.cuneo@anello.test', nav: ['/', '/il-mio-lavoro', '/contatti', '/persone', '/posti-letto', '/strutture', '/lista-attesa', '/indicatori', '/servizi', '/forum', '/azioni-di-sistema', '/spese', '/rapporti'] },
  { email: 'operatrice@anello.test', nav: ['/', '/il-mio-lavoro', '/contatti', '/persone', '/lista-attesa', '/indicatori', '/servizi', '/forum', '/azioni-di-sistema', '/rapporti'] },
  { email: 'operatrice.cuneo@anello.test', nav: ['/', '/il-mio-lavoro', '/contatti', '/persone', '/lista-attesa', '/indicatori', '/servizi', '/forum', '/azioni-di-sistema', '/rapporti'] },
  { email: 'strada@anello.test', nav: ['/', '/il-mio-lavoro', '/contatti', '/persone', '/lista-attesa', '/indicatori', '/servizi', '/forum', '/azioni-di-sistema', '/rapporti'] },
  { email: 'formatrice@anello.test', nav: ['/', '/il-mio-lavoro', '/indicatori', '/forum', '/azioni-di-sistema'] },
  { email: 'partner@anello.test', nav: ['/', '/forum', '/azioni-di-sistema'] },
];

const TEXT = {
  it: { signIn: 'Accedi', signOut: 'Esci', home: 'Inizio', forbidden: 'Non hai accesso a questa funzione' },
  en: { signIn: 'Sign in', signOut: 'Sign out', home: 'Home', forbidden: 'You do not have access to this function' },
};

async function signIn(page: Page, email: string, language: 'it' | 'en') {
  await page.goto('/accedi');
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await page.getByLabel(language === 'it' ? 'Indirizzo e-mail' : 'E-mail address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.locator('main').getByRole('button', { name: TEXT[language].signIn }).click();
  await expect(page.getByRole('button', { name: TEXT[language].signOut })).toBeVisible();
}

for (const language of ['it', 'en'] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ locale: language === 'it' ? 'it-IT' : 'en-GB' });

    for (const role of ROLES) {
      test(`${role.email} signs in and sees their navigation`, async ({ page }) => {
        await signIn(page, role.email, language);
        await expect(page).toHaveURL(/\/$/);
        const hrefs = await page.locator('nav.main-nav a').evaluateAll((links) =>
          links.map((a) => a.getAttribute('href')),
        );
        expect(hrefs).toEqual(role.nav);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      });
    }

    test('the partner is refused on an admin page', async ({ page }) => {
      await signIn(page, 'partner@anello.test', language);
      const response = await page.goto('/amministrazione/utenti');
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('alert')).toContainText(TEXT[language].forbidden);
      await expect(page.locator('body')).not.toContainText('operatrice@anello.test');
    });

    test('a wrong password is explained next to the form', async ({ page }) => {
      await page.goto('/accedi');
      await page.getByLabel(language === 'it' ? 'Indirizzo e-mail' : 'E-mail address').fill('formatrice@anello.test');
      await page.getByLabel('Password').fill('not the password');
      await page.locator('main').getByRole('button', { name: TEXT[language].signIn }).click();
      await expect(page.locator('.form-error')).toContainText(
        language === 'it' ? 'Indirizzo e-mail o password non riconosciuti.' : 'E-mail address or password not recognised.',
      );
    });

    test('signing out ends the session', async ({ page }) => {
      await signIn(page, 'operatrice@anello.test', language);
      await page.getByRole('button', { name: TEXT[language].signOut }).click();
      await expect(page).toHaveURL(/\/accedi$/);
      await page.goto('/');
      await expect(page).toHaveURL(/\/accedi$/);
    });
  });
}

test.describe('as the coordinator', () => {
  test.use({ locale: 'it-IT' });

test('the coordinator creates an organisation with the plain form', async ({ page }, info) => {
  await signIn(page, 'coordinatrice@anello.test', 'it');
  await page.goto('/amministrazione/organizzazioni');
  const name = `Associazione prova ${info.project.name}`;
  await page.getByRole('textbox', { name: 'Nome', exact: true }).fill(name);
  await page.getByRole('combobox', { name: 'Provincia' }).selectOption('BI');
  await page.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Modifiche salvate.' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name })).toBeVisible();
});

test('screenshots of the shell at phone and desktop width', async ({ page }, info) => {
  fs.mkdirSync('screenshots', { recursive: true });
  for (const [label, width, height] of [['phone', 360, 780], ['desktop', 1280, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/accedi');
    await page.screenshot({ path: `screenshots/${info.project.name}-sign-in-${label}.png`, fullPage: true });
  }
  await signIn(page, 'coordinatrice@anello.test', 'it');
  for (const [label, width, height] of [['phone', 360, 780], ['desktop', 1280, 900]] as const) {
    await page.setViewportSize({ width, height });
    for (const [name, path] of [['home', '/'], ['users', '/amministrazione/utenti'], ['audit', '/registro-attivita']]) {
      await page.goto(path);
      await page.screenshot({ path: `screenshots/${info.project.name}-${name}-${label}.png`, fullPage: true });
    }
  }
  // No horizontal scrolling on a 360 px phone, tables included.
  await page.setViewportSize({ width: 360, height: 780 });
  for (const path of ['/', '/amministrazione/organizzazioni', '/amministrazione/utenti', '/registro-attivita']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
});

test.describe('in English', () => {
  test.use({ locale: 'en-GB' });

  test('screenshots of the shell in English at phone and desktop width', async ({ page }, info) => {
    fs.mkdirSync('screenshots', { recursive: true });
    await signIn(page, 'strada@anello.test', 'en');
    for (const [label, width, height] of [['phone', 360, 780], ['desktop', 1280, 900]] as const) {
      await page.setViewportSize({ width, height });
      for (const [name, path] of [['home', '/'], ['contacts', '/contatti']]) {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
        await page.screenshot({ path: `screenshots/${info.project.name}-en-${name}-${label}.png`, fullPage: true });
      }
    }
    await expect(page.getByRole('heading', { name: 'New contact' })).toBeVisible();
  });
});

test('the typeface of Italian public services is shipped and kept by the browser for a year', async ({ page }, info) => {
  test.skip(info.project.name !== 'javascript', 'document.fonts is read by script');
  await page.goto('/accedi');
  const loaded = await page.evaluate(async () => {
    await document.fonts.ready;
    await document.fonts.load('600 1rem "Titillium Web"');
    // check() says true for a family nobody declared: look for a face that did load.
    return [...document.fonts].some((face) => face.family.includes('Titillium') && face.status === 'loaded');
  });
  expect(loaded).toBe(true);
  const font = await page.request.get('/fonts/titillium-web-5.3.0-latin-400-normal.woff2');
  expect(font.status()).toBe(200);
  expect(font.headers()['content-type']).toBe('font/woff2');
  expect(font.headers()['cache-control']).toContain('immutable');
});

for (const [locale, privacy, accessibility] of [
  ['it-IT', 'Informativa sul trattamento dei dati personali di chi usa Anello', 'Dichiarazione di accessibilità'],
  ['en-GB', 'How the personal data of Anello\'s users are processed', 'Accessibility statement'],
] as const) {
  test(`the footer links to the privacy notice and the accessibility statement (${locale})`, async ({ browser }, info) => {
    const context = await browser.newContext({ locale, javaScriptEnabled: info.project.use.javaScriptEnabled });
    const page = await context.newPage();
    // Readable before signing in.
    await page.goto('/accedi');
    await page.locator('footer').getByRole('link').first().click();
    await expect(page.getByRole('heading', { name: privacy, level: 1 })).toBeVisible();
    await page.locator('footer').getByRole('link').nth(1).click();
    await expect(page.getByRole('heading', { name: accessibility, level: 1 })).toBeVisible();
    await context.close();
  });
}

test.describe('on a phone', () => {
  test.use({ locale: 'it-IT' });

test('the coordinator\'s seventeen links fold behind a menu button', async ({ page }, info) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, 'coordinatrice@anello.test', 'it');
  const menu = page.getByRole('button', { name: 'Menu' });
  const reports = page.locator('nav.main-nav').getByRole('link', { name: 'Rapporti' });
  if (info.project.name !== 'javascript') {
    // Without JavaScript every link is there, and no button that would do nothing.
    await expect(menu).toHaveCount(0);
    await expect(reports).toBeVisible();
    return;
  }
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(reports).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.screenshot({ path: `screenshots/${info.project.name}-menu-open-phone.png` });
  await reports.click();
  await expect(page).toHaveURL(/\/rapporti/);
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(reports).toBeHidden();
  // At desktop width the links are always in view.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(menu).toBeHidden();
  await expect(reports).toBeVisible();
});
});
