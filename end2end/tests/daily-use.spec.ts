import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import { asUser } from './helpers';

// Daily use: breadcrumbs on nested pages, with and without JavaScript (what needs the
// hydrated page is in daily-use-hydrated.spec.ts).

test.use({ locale: 'it-IT' });

for (const width of [360, 1280]) {
  test(`nested pages show where they are in both languages at ${width} px`, async ({ browser }) => {
    const worker = await asUser(browser, 'operatrice@anello.test', width);
    await worker.page.goto('/persone');
    const code = (await worker.page.locator('main table tbody tr th a.code').first().innerText()).trim();
    await worker.page.goto(`/persone/${code}/progetto`);
    const trail = worker.page.getByRole('navigation', { name: 'Percorso di navigazione' });
    await expect(trail.getByRole('link', { name: 'Inizio' })).toHaveAttribute('href', '/');
    await expect(trail.getByRole('link', { name: 'Persone' })).toHaveAttribute('href', '/persone');
    await expect(trail.getByRole('link', { name: code })).toHaveAttribute('href', `/persone/${code}`);
    await expect(trail.locator('[aria-current="page"]')).toHaveText('Progetto personalizzato');
    // A section has none.
    await worker.page.goto('/persone');
    await expect(worker.page.getByRole('navigation', { name: 'Percorso di navigazione' })).toHaveCount(0);
    fs.mkdirSync('screenshots', { recursive: true });
    await worker.context.close();

    const english = await asUser(browser, 'formatrice@anello.test', width, 'en-GB');
    await english.page.goto('/forum/materiali');
    const crumbs = english.page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(crumbs.getByRole('link', { name: /Forum/ })).toHaveAttribute('href', '/forum');
    await english.page.screenshot({ path: `screenshots/${test.info().project.name}-breadcrumbs-${width}.png` });
    await english.context.close();
  });
}
