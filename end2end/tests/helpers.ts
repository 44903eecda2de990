import { Browser, expect, Page, test } from '@playwright/test';

/** Signs in with the Italian interface (demo password), or the English one. */
export async function signIn(page: Page, email: string, language: 'it' | 'en' = 'it') {
  const words = language === 'it'
    ? { email: 'Indirizzo e-mail', signIn: 'Accedi', signOut: 'Esci' }
    : { email: 'E-mail address', signIn: 'Sign in', signOut: 'Sign out' };
  await page.goto('/accedi');
  await page.getByLabel(words.email).fill(email);
  await page.getByLabel('Password').fill('anello-demo');
  await page.locator('main').getByRole('button', { name: words.signIn }).click();
  await expect(page.getByRole('button', { name: words.signOut })).toBeVisible();
}

/** A new browser context of the given width and locale, signed in as `email`, with
 * JavaScript as the running project has it. */
export async function asUser(browser: Browser, email: string, width: number, locale = 'it-IT') {
  const context = await browser.newContext({
    locale,
    viewport: { width, height: 900 },
    javaScriptEnabled: test.info().project.use.javaScriptEnabled,
  });
  const page = await context.newPage();
  await signIn(page, email, locale.startsWith('en') ? 'en' : 'it');
  return { context, page };
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

/** Registers a woman and proposes her for shelter; returns her code once the proposal is saved. */
export async function proposeForShelter(page: Page, givenName: string, familyName: string) {
  const code = await registerPerson(page, givenName, familyName);
  await page.getByText('Proponi per l\'accoglienza').first().click();
  await page.getByLabel('Tipo di accoglienza').selectOption('women');
  await page.getByRole('button', { name: 'Proponi per l\'accoglienza' }).click();
  // Saved once the button to take her off the list is there (the form's own options
  // also say "Ordinaria": waiting for that text would race the save).
  await expect(page.getByRole('button', { name: 'Togli dalla lista d\'attesa' })).toBeVisible();
  return code;
}

/** A waiting person's entry on the board with her "place in" form open: only the chosen
 * person's form is on the page, opened from the link on her entry (a full page load). */
export async function openPlaceForm(page: Page, code: string) {
  const entry = page.locator('.waiting-item').filter({ hasText: code });
  const link = entry.getByRole('link', { name: `Scegli il posto per ${code}` });
  if (await link.count()) {
    await link.click();
    await untilHydrated(page);
  }
  await expect(entry.getByLabel('Inserisci nel posto')).toBeVisible();
  return entry;
}

/** After a full page load, with JavaScript: until the page has hydrated. Before, a form
 * sent is the plain form (a redirect and another page load), and the test would race
 * the page's own files on a busy machine. Without JavaScript: at once. */
export async function untilHydrated(page: Page) {
  if (test.info().project.use.javaScriptEnabled === false) return;
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
}
