import { expect, Page } from '@playwright/test';

/** Signs in with the Italian interface (demo password). */
export async function signIn(page: Page, email: string) {
  await page.goto('/accedi');
  await page.getByLabel('Indirizzo e-mail').fill(email);
  await page.getByLabel('Password').fill('anello-demo');
  await page.locator('main').getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByRole('button', { name: 'Esci' })).toBeVisible();
}

/** Registers a woman in the Torino province through the form; returns her network code. */
export async function registerPerson(page: Page, givenName: string, familyName: string) {
  await page.goto('/persone/nuova');
  await page.getByRole('textbox', { name: 'Nome', exact: true }).fill(givenName);
  await page.getByRole('textbox', { name: 'Cognome', exact: true }).fill(familyName);
  await page.getByRole('radio', { name: 'Donna' }).check();
  await page.getByLabel('Provincia della presa in carico').selectOption('TO');
  await page.getByRole('button', { name: 'Registra la persona' }).click();
  await expect(page).toHaveURL(/\/persone\/TO-\d{4}-\d{4,}$/);
  return page.url().split('/').pop()!;
}
