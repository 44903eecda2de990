import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import { proposeForShelter, signIn } from './helpers';

test.use({ locale: 'it-IT' });


test('a reception manager places a person from the waiting list with the "place in" form, then moves her and records her exit', async ({ page }, info) => {
  // A person of the manager's own organisation, proposed for shelter.
  await signIn(page, 'accoglienza@anello.test');
  const code = await proposeForShelter(page, 'Rose', 'Tabellone');

  // Structures that take in women: a house for mothers with children would refuse her
  // (the placement rules), and the "place in" choices follow the board's filters.
  await page.goto('/posti-letto?accoglie=women');
  await expect(page.getByRole('heading', { name: 'Posti letto', level: 1 })).toBeVisible();
  const entry = page.locator('.waiting-item').filter({ hasText: code });
  const firstFree = entry.getByLabel('Inserisci nel posto');
  // The two projects run side by side: one takes beds from the top of the list, the
  // other from the bottom, so they never race for the same bed.
  const pick = (select: import('@playwright/test').Locator) =>
    info.project.name === 'javascript' ? select.locator('option').nth(1) : select.locator('option').last();
  const choice = await pick(firstFree).getAttribute('value');
  await firstFree.selectOption(choice!);
  await entry.getByRole('button', { name: 'Inserisci' }).click();
  const bed = page.locator(`li.bed[data-bed="${choice}"]`);
  await expect(bed).toContainText(code);
  await expect(bed).toContainText('Occupato');

  // A guest's forms open from the link on her bed (the list of free beds is sent for her
  // alone); after a move with JavaScript they stay open on her new bed.
  const openActions = async (where: import('@playwright/test').Locator) => {
    const link = where.getByRole('link', { name: `Sposta o fai uscire ${code}` });
    if (await link.count()) await link.click();
    await expect(where.locator('details.bed-actions[open]')).toBeVisible();
  };
  // Move to another free bed with the keyboard-usable form.
  await openActions(bed);
  const move = bed.getByLabel('Sposta nel posto');
  const target = await pick(move).getAttribute('value');
  await move.selectOption(target!);
  await bed.getByRole('button', { name: 'Sposta' }).click();
  const moved = page.locator(`li.bed[data-bed="${target}"]`);
  await expect(moved).toContainText(code);
  await expect(page.locator(`li.bed[data-bed="${choice}"]`)).toContainText('Libero');
  fs.mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: `screenshots/${info.project.name}-board.png`, fullPage: false });

  const recordExit = async () => {
    const bedNow = page.locator(`li.bed[data-bed="${target}"]`);
    await openActions(bedNow);
    await bedNow.getByLabel('Motivo dell\'uscita').selectOption('end_of_stay');
    await bedNow.getByRole('button', { name: 'Registra l\'uscita' }).click();
    await expect(page.locator(`li.bed[data-bed="${target}"]`)).toContainText('Libero');
  };
  await recordExit();
  // An exit by mistake is taken back within a minute: she is in her bed again.
  const undo = page.locator('.undo-panel');
  await expect(undo).toContainText(`Hai registrato l'uscita di ${code}.`);
  await undo.getByRole('button', { name: 'Annulla' }).click();
  await expect(page.locator(`li.bed[data-bed="${target}"]`)).toContainText(code);
  await expect(page.locator('.undo-panel')).toHaveCount(0);
  await recordExit();
  await expect(page.locator('.board')).not.toContainText(code);
});

test('the board fits a phone', async ({ page }, info) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, 'accoglienza.cuneo@anello.test');
  await page.goto('/posti-letto?liberi=1');
  await expect(page.getByRole('heading', { name: 'Posti letto', level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `screenshots/${info.project.name}-board-phone.png`, fullPage: false });
});

test('a structure\'s presence timeline shows stays and days of presence', async ({ page }, info) => {
  await signIn(page, 'accoglienza@anello.test');
  await page.goto('/posti-letto?organizzazione=&liberi=');
  await page.getByRole('link', { name: 'Presenze e occupazione' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Presenze:');
  await expect(page.getByRole('img', { name: 'Chi era in quale posto letto, giorno per giorno' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Giornate di presenza' })).toBeVisible();
  await page.getByRole('link', { name: '← Mese precedente' }).click();
  await expect(page).toHaveURL(/mese=\d{4}-\d{2}/);
  fs.mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: `screenshots/${info.project.name}-timeline.png`, fullPage: true });
});
