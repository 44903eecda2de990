import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import { asUser, registerPerson, untilHydrated } from './helpers';

// A person's documents: her reference operator finds the page from her record, files a
// residence permit with its expiry (a plain multipart form; with JavaScript it goes with
// its progress shown), sees it listed, downloads it (the same bytes back), and a file
// that lies about its type comes back with the problem named. Italian on a phone,
// English on a desktop.

const runs = [
  {
    locale: 'it-IT', width: 360, link: 'Documenti', kind: 'Tipo di documento', dated: 'Data del documento',
    expires: 'Scadenza', description: 'Descrizione breve', file: 'File', send: 'Carica il documento',
    permit: 'Permesso di soggiorno', mismatch: 'Il nome del file non corrisponde', restricted: 'Riservato',
  },
  {
    locale: 'en-GB', width: 1280, link: 'Documents', kind: 'Kind of document', dated: 'Date of the document',
    expires: 'Expiry', description: 'Short description', file: 'File', send: 'Upload the document',
    permit: 'Residence permit', mismatch: 'The file\'s name does not match', restricted: 'Restricted',
  },
];

const PERMIT = Buffer.from('%PDF-1.4\n% permesso di soggiorno\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function inDays(days: number) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date.toISOString().slice(0, 10);
}

for (const words of runs) {
  test(`her reference operator files and opens a document, ${words.locale} at ${words.width} px`, async ({ browser }, info) => {
    const registrar = await asUser(browser, 'operatrice@anello.test', 1280);
    const code = await registerPerson(registrar.page, 'Joy', `Documenti${words.width}`);
    await registrar.context.close();

    const { context, page } = await asUser(browser, 'operatrice@anello.test', words.width, words.locale);
    await page.goto(`/persone/${code}`);
    await page.getByRole('link', { name: words.link, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/persone/${code}/documenti$`));
    await untilHydrated(page);

    // A PNG named .pdf: refused, the problem named on the page.
    await page.getByLabel(words.kind).selectOption('permit');
    await page.getByLabel(words.file, { exact: true }).setInputFiles({ name: 'permesso.pdf', mimeType: 'application/pdf', buffer: PNG });
    await page.getByRole('button', { name: words.send }).click();
    await expect(page.locator('.form-error')).toContainText(words.mismatch);

    await page.getByLabel(words.kind).selectOption('permit');
    await page.getByLabel(words.dated).fill(inDays(-10));
    await page.getByLabel(words.expires).fill(inDays(40));
    await page.getByLabel(words.description).fill('Permesso art. 18');
    await page.getByLabel(words.file, { exact: true }).setInputFiles({ name: 'permesso.pdf', mimeType: 'application/pdf', buffer: PERMIT });
    await page.getByRole('button', { name: words.send }).click();
    const card = page.locator('.child-card', { hasText: 'Permesso art. 18' });
    await expect(card).toContainText(words.permit);
    await expect(page.locator('.form-error')).toHaveCount(0);

    // Her reference operator may keep a document to the few.
    await expect(page.getByRole('radio', { name: new RegExp(words.restricted) })).toBeVisible();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('link', { name: 'permesso.pdf' }).click(),
    ]);
    const saved = await download.path();
    expect(fs.readFileSync(saved!)).toEqual(PERMIT);

    fs.mkdirSync('screenshots', { recursive: true });
    await page.screenshot({ path: `screenshots/${info.project.name}-documents-${words.locale}-${words.width}.png`, fullPage: true });
    await context.close();
  });
}
