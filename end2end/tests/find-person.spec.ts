import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import { registerPerson, signIn, untilHydrated } from './helpers';

// The team in charge finds its person by her name typed any way (no accents, any case),
// in Italian and in English, at phone and desktop width; the list shows her name beside
// her code only to her team.

test.use({ locale: 'it-IT' });

for (const width of [1280, 360]) {
  test(`a case worker finds her person by name without accents at ${width} px`, async ({ page, browser }, info) => {
    await page.setViewportSize({ width, height: 900 });
    const suffix = `${Date.now().toString(36)}${width}${info.project.name.length}`;
    await signIn(page, 'operatrice@anello.test');
    const code = await registerPerson(page, 'Zélie', `Ştefănescu${suffix}`);

    await page.goto('/persone');
    await untilHydrated(page);
    await page.getByLabel('Cerca una persona').fill(`stefanescu${suffix.toUpperCase()}`);
    await page.getByRole('button', { name: 'Filtra' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'person' })).toContainText('1 persona');
    const row = page.locator('tbody tr').filter({ hasText: code });
    await expect(row).toContainText(`Zélie Ştefănescu${suffix}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `the list scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    fs.mkdirSync('screenshots', { recursive: true });
    await page.screenshot({ path: `screenshots/${info.project.name}-people-search-${width}.png`, fullPage: true });

    // In English, the same search by the start of her given name and family name.
    const english = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: info.project.use.javaScriptEnabled });
    const en = await english.newPage();
    await en.setViewportSize({ width, height: 900 });
    await en.goto('/accedi');
    await en.getByLabel('E-mail address').fill('operatrice@anello.test');
    await en.getByLabel('Password').fill('anello-demo');
    await en.locator('main').getByRole('button', { name: 'Sign in' }).click();
    await expect(en.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await en.goto('/persone');
    await en.getByLabel('Find a person').fill(`zelie STEF`);
    await en.getByRole('button', { name: 'Filter' }).click();
    await expect(en.locator('tbody tr').filter({ hasText: code })).toContainText(`Zélie Ştefănescu${suffix}`);
    await english.close();

    // Another organisation's case worker finds nobody by that name.
    const other = await browser.newContext({ locale: 'it-IT', javaScriptEnabled: info.project.use.javaScriptEnabled });
    const cuneo = await other.newPage();
    await signIn(cuneo, 'operatrice.cuneo@anello.test');
    await cuneo.goto(`/persone?cerca=stefanescu${suffix}`);
    await expect(cuneo.getByRole('status').filter({ hasText: 'persone' })).toContainText('0 persone');
    await expect(cuneo.locator('tbody tr')).toHaveCount(0);
    await other.close();
  });
}
