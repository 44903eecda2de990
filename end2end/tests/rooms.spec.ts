import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import { asUser, untilHydrated } from './helpers';

// Rooms as places: a reception manager adds a room on a floor to one of her houses,
// puts a new bed in it, and finds the bed under the room's heading on the board. Plain
// forms, with and without JavaScript; Italian on a phone, English on a desktop.

const runs = [
  {
    locale: 'it-IT', width: 360, addRoom: 'Aggiungi una stanza', name: 'Nome della stanza', floor: 'Piano (facoltativo)',
    saveRoom: 'Salva la stanza', label: 'Nome del posto letto', room: 'Stanza (facoltativa)', addBed: 'Aggiungi il posto letto',
    title: (room: string) => `Stanza ${room} · piano 1`, ground: 'Stanza 1 · piano terra',
  },
  {
    locale: 'en-GB', width: 1280, addRoom: 'Add a room', name: 'Name of the room', floor: 'Floor (optional)',
    saveRoom: 'Save the room', label: 'Name of the bed', room: 'Room (optional)', addBed: 'Add the bed',
    title: (room: string) => `Room ${room} · floor 1`, ground: 'Room 1 · ground floor',
  },
];

for (const words of runs) {
  test(`a reception manager keeps a house's rooms, ${words.locale} at ${words.width} px`, async ({ browser }, info) => {
    const { context, page } = await asUser(browser, 'accoglienza@anello.test', words.width, words.locale);
    const room = `Azzurra ${info.project.name} ${words.width}`;
    const bed = `Letto ${info.project.name} ${words.width}`;
    await page.goto('/strutture');
    await untilHydrated(page);
    const house = page.locator('section.panel', { has: page.getByRole('heading', { name: 'Appartamento Vela', exact: true }) });
    await expect(house.getByRole('heading', { name: words.ground })).toBeVisible();
    const houseId = await house.locator('input[name="structure_id"]').first().getAttribute('value');

    await house.getByText(words.addRoom).click();
    await house.getByLabel(words.name).last().fill(room);
    await house.getByLabel(words.floor).last().fill('1');
    await house.getByRole('button', { name: words.saveRoom }).last().click();
    const houseAgain = page.locator('section.panel', { has: page.getByRole('heading', { name: 'Appartamento Vela', exact: true }) });
    await expect(houseAgain.getByRole('heading', { name: words.title(room) })).toBeVisible();

    await houseAgain.getByLabel(words.label).fill(bed);
    await houseAgain.getByLabel(words.room, { exact: true }).selectOption({ label: words.title(room) });
    await houseAgain.getByRole('button', { name: words.addBed }).click();
    const group = page.locator('section.room-group', { has: page.getByRole('heading', { name: words.title(room) }) });
    await expect(group).toContainText(bed);

    await page.goto(`/posti-letto?struttura=${houseId}`);
    const card = page.locator('section.structure-card', { hasText: 'Appartamento Vela' });
    const onBoard = card.locator('.room-group', { has: page.locator('.room-heading', { hasText: words.title(room) }) });
    await expect(onBoard.locator('li.bed')).toContainText(bed);
    fs.mkdirSync('screenshots', { recursive: true });
    await page.screenshot({ path: `screenshots/${info.project.name}-rooms-${words.locale}-${words.width}.png`, fullPage: true });
    await context.close();
  });
}
