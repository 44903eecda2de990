import { test, expect, Browser } from '@playwright/test';
import * as fs from 'fs';
import { signIn } from './helpers';

// The forum's materials library: a reader follows a material, its publisher prepares a
// new version with a file (a file whose name lies is refused first), publishes it, and the
// reader is told and downloads the file. Works with and without JavaScript. The two
// projects run side by side on one server, so each uses its own publisher and reader.
test.use({ locale: 'it-IT' });

const MATERIAL = 'Guida rapida al primo colloquio';

// A one-page PDF is all the library needs to know a PDF by its bytes.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function asUser(browser: Browser, javaScriptEnabled: boolean, email: string) {
  const context = await browser.newContext({ locale: 'it-IT', javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

test('a publisher puts out a new version of a material and its follower is told', async ({ browser }, info) => {
  const javascript = info.project.name === 'javascript';
  const publisherEmail = javascript ? 'formatrice@anello.test' : 'coordinatrice@anello.test';
  const readerEmail = javascript ? 'partner@anello.test' : 'strada@anello.test';
  const fileName = `scheda-${info.project.name}.pdf`;
  const changes = `Aggiunta la scheda per le uscite serali (${info.project.name}).`;
  fs.mkdirSync('screenshots', { recursive: true });

  // The reader finds the material in the library and follows it.
  const reader = await asUser(browser, javascript, readerEmail);
  await reader.page.goto('/forum');
  await reader.page.getByRole('link', { name: 'Biblioteca dei materiali' }).click();
  await expect(reader.page.getByRole('heading', { name: 'Biblioteca dei materiali' })).toBeVisible();
  await reader.page.getByRole('link', { name: MATERIAL }).click();
  await expect(reader.page.getByRole('heading', { name: MATERIAL })).toBeVisible();
  await reader.page.getByRole('button', { name: 'Segui il materiale' }).click();
  await expect(reader.page.getByRole('button', { name: 'Non seguire più il materiale' })).toBeVisible();
  // Updated in place, the page is confirmed by a toast (the plain form reloads it instead).
  if (javascript) await expect(reader.page.locator('.toasts').getByText('Modifiche salvate.')).toBeVisible();
  // Readers do not publish.
  await expect(reader.page.getByRole('button', { name: 'Prepara una nuova versione' })).toHaveCount(0);

  // The publisher prepares the next version: a file whose name lies is refused, a real
  // PDF is kept, and she says what changed.
  const publisher = await asUser(browser, javascript, publisherEmail);
  await publisher.page.goto('/forum/materiali');
  await publisher.page.getByRole('link', { name: MATERIAL }).click();
  await publisher.page.getByRole('button', { name: 'Prepara una nuova versione' }).click();
  await expect(publisher.page.getByRole('heading', { name: 'Bozza di una versione' })).toBeVisible();
  await publisher.page.getByLabel('Allega un file').setInputFiles({ name: 'foto.pdf', mimeType: 'application/pdf', buffer: PNG });
  await publisher.page.getByRole('button', { name: 'Carica il file' }).click();
  await expect(publisher.page.locator('.field-error')).toContainText('Il nome del file non corrisponde al suo contenuto');
  await publisher.page.getByLabel('Allega un file').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: PDF });
  await publisher.page.getByRole('button', { name: 'Carica il file' }).click();
  await expect(publisher.page.locator('.material-files')).toContainText(fileName);
  await publisher.page.getByRole('textbox', { name: 'Cosa è cambiato' }).fill(changes);
  await publisher.page.screenshot({ path: `screenshots/${info.project.name}-material-draft.png`, fullPage: true });
  await publisher.page.getByRole('button', { name: 'Pubblica la versione' }).click();
  await expect(publisher.page.getByRole('heading', { name: MATERIAL })).toBeVisible();
  // Its version (the other project may have published one just after, on the same server).
  const published = publisher.page.locator('.material-current, .material-versions > li', { hasText: changes });
  await expect(published).toContainText(fileName);
  await publisher.context.close();

  // The reader is told, opens the material from the notification and downloads the file.
  await reader.page.goto('/notifiche');
  const notice = reader.page.locator('.notification-list li', { hasText: 'Nuova versione di un materiale che segui' });
  await expect(notice.first()).toContainText(MATERIAL);
  await notice.first().getByRole('link', { name: 'Apri' }).click();
  const version = reader.page.locator('.material-current, .material-versions > li', { hasText: changes });
  await expect(version).toContainText(fileName);
  await reader.page.screenshot({ path: `screenshots/${info.project.name}-material.png`, fullPage: true });
  const [download] = await Promise.all([
    reader.page.waitForEvent('download'),
    version.getByRole('link', { name: fileName }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(fileName);
  expect(fs.readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-');
  await reader.context.close();
});
