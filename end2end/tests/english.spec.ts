import { test, expect, Page } from '@playwright/test';
import * as fs from 'fs';
import { signIn, untilHydrated } from './helpers';

// The people and bed-board pages in the interface's second language, at desktop and
// phone width: every heading is English and no Italian key text is left behind.
test.use({ locale: 'en-GB' });

/** Signs out and waits for it: a sign-in started while the sign-out is still on its way
 * would have its new session cookie expired by the sign-out's answer. */
async function signOut(page: Page) {
  // A click while the page hydrates can be lost between the plain form and its handler.
  await untilHydrated(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  // The button says "Sending…" while the sign-out is on its way: the bar goes only with
  // its answer.
  await expect(page.locator('.user-bar')).toHaveCount(0);
}

const PAGES: { email: string; path: string; heading: string; shot: string }[] = [
  { email: 'operatrice@anello.test', path: '/persone', heading: 'People', shot: 'people' },
  { email: 'operatrice@anello.test', path: '/indicatori', heading: 'Indicators', shot: 'checklists' },
  { email: 'accoglienza@anello.test', path: '/posti-letto', heading: 'Beds', shot: 'board' },
  { email: 'accoglienza@anello.test', path: '/lista-attesa', heading: 'Waiting list', shot: 'waiting' },
  { email: 'accoglienza@anello.test', path: '/strutture', heading: 'Structures', shot: 'structures' },
];

for (const width of [1280, 360]) {
  test(`people and bed-board pages speak English at ${width} px`, async ({ page }, info) => {
    await page.setViewportSize({ width, height: 900 });
    fs.mkdirSync('screenshots', { recursive: true });
    let signedInAs = '';
    for (const entry of PAGES) {
      if (entry.email !== signedInAs) {
        if (signedInAs) await signOut(page);
        await signIn(page, entry.email, 'en');
        signedInAs = entry.email;
      }
      await page.goto(entry.path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { name: entry.heading, level: 1 })).toBeVisible();
      const text = await page.locator('main').innerText();
      for (const italian of ['Persone', 'Posti letto', 'Lista d\'attesa', 'Registra', 'Filtra']) {
        expect(text, `${entry.path} still says "${italian}"`).not.toContain(italian);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${entry.path} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `screenshots/${info.project.name}-en-${entry.shot}-${width}.png`, fullPage: false });
    }
    // A person's page, as her team sees it.
    await signOut(page);
    await signIn(page, 'operatrice@anello.test', 'en');
    await page.goto('/persone');
    await page.locator('tbody tr th a').first().click();
    await expect(page.getByRole('heading', { name: 'Personal details' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Who opened or changed this record' })).toBeVisible();
    await page.screenshot({ path: `screenshots/${info.project.name}-en-person-${width}.png`, fullPage: true });
  });
}
