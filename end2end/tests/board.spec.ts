import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import { openPlaceForm, proposeForShelter, signIn, untilHydrated } from './helpers';

test.use({ locale: 'it-IT' });


test('a reception manager places a person from the waiting list with the "place in" form, then moves her and records her exit', async ({ page }, info) => {
  // Fourteen steps and four full page loads: 7 s here, more on CI's two busy cores.
  test.setTimeout(60_000);
  // A person of the manager's own organisation, proposed for shelter.
  await signIn(page, 'accoglienza@anello.test');
  const code = await proposeForShelter(page, 'Rose', 'Tabellone');

  // Structures that take in women: a house for mothers with children would refuse her
  // (the placement rules), and the "place in" choices follow the board's filters.
  await page.goto('/posti-letto?accoglie=women');
  await expect(page.getByRole('heading', { name: 'Posti letto', level: 1 })).toBeVisible();
  // Her "place in" form opens from the link on her entry (one form, not one per person).
  const entry = await openPlaceForm(page, code);
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
    if (await link.count()) {
      await link.click();
      await untilHydrated(page);
    }
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

test('a free bed is held for a person on her way and released, then taken out of service and back', async ({ page }, info) => {
  await signIn(page, 'accoglienza@anello.test');
  await page.goto('/posti-letto?provincia=TO');
  // Casa Ginestra's beds: no other test places anyone there. The two projects take
  // beds from either end, so they never race for the same one.
  const free = page.locator('section.structure-card').filter({ hasText: 'Casa Ginestra' }).locator('li.bed-free');
  const chosen = info.project.name === 'javascript' ? free.first() : free.last();
  const id = await chosen.getAttribute('data-bed');
  const bed = page.locator(`li.bed[data-bed="${id}"]`);
  // A bed's menu opens from its link: the page carries one menu, not one per bed.
  await expect(page.locator('details.bed-actions[open]')).toHaveCount(0);
  await bed.getByRole('link', { name: /Riserva o metti fuori servizio/ }).click();
  await untilHydrated(page);
  await expect(page.locator('details.bed-actions[open]')).toHaveCount(1);
  await expect(bed.getByLabel('Riservato a (codice, facoltativo)')).toBeFocused();
  await bed.getByLabel('Per quante ore').selectOption('4');
  await bed.getByRole('button', { name: 'Riserva il posto' }).click();
  await expect(bed.locator('.bed-state')).toHaveText('Riservato');
  await bed.getByRole('button', { name: 'Togli la riserva' }).click();
  await expect(bed.locator('.bed-state')).toHaveText('Libero');
  await bed.getByLabel('Motivo del fuori servizio').fill('Infiltrazione d\'acqua dal soffitto');
  await bed.getByRole('button', { name: 'Metti fuori servizio' }).click();
  await expect(bed.locator('.bed-state')).toHaveText('Fuori servizio');
  await expect(bed).toContainText('Infiltrazione d\'acqua dal soffitto');
  await bed.getByRole('button', { name: 'Rimetti in servizio' }).click();
  await expect(bed.locator('.bed-state')).toHaveText('Libero');
});

test('the search keeps the houses and guests it names: as she types, or sent with the filters', async ({ page }, info) => {
  await signIn(page, 'coordinatrice@anello.test');
  await page.goto('/posti-letto?provincia=TO');
  await untilHydrated(page);
  const cards = page.locator('section.structure-card');
  expect(await cards.count()).toBeGreaterThan(1);
  const search = page.getByLabel('Cerca una struttura o un codice');
  const javascript = info.project.name === 'javascript';
  // In the browser the board she has answers: no page load, nothing sent with the search.
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'document' || /ginestra|nessuna/i.test(request.url())) asked.push(request.url());
  });
  const find = async (text: string) => {
    await search.fill(text);
    if (!javascript) await page.getByRole('button', { name: 'Filtra' }).click();
  };
  await find('ginestra');
  await expect(cards).toHaveCount(1);
  await expect(cards.first().getByRole('heading', { level: 2 })).toHaveText('Casa Ginestra');
  await find('nessuna casa così');
  await expect(page.getByText('Nessuna struttura corrisponde alla ricerca.')).toBeVisible();
  await expect(cards).toHaveCount(0);
  await find('');
  expect(await cards.count()).toBeGreaterThan(1);
  if (javascript) {
    expect(asked).toEqual([]);
    await expect(page).toHaveURL(/\/posti-letto\?provincia=TO$/);
  } else {
    await expect(page).toHaveURL(/provincia=TO/);
  }
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
