import { test, expect, Page } from '@playwright/test';
import { signIn } from './helpers';

// The browser bundle is split by page (app/src/pages.rs, `cargo leptos build --split`):
// a page downloads the main bundle and its own files, not every page's code, and another
// page's code arrives when the user goes there.

test.use({ locale: 'it-IT' });

/** The wasm files the page requests while `action` runs, by name. */
async function wasmRequested(page: Page, action: () => Promise<unknown>): Promise<Set<string>> {
  const names = new Set<string>();
  const listener = (request: { url(): string }) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('.wasm')) names.add(url.pathname.split('/').pop()!);
  };
  page.on('request', listener);
  await action();
  page.off('request', listener);
  return names;
}

async function loadHydrated(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
}

test('a page downloads its own code, and another page\'s code when the user goes there', async ({ page }) => {
  await signIn(page, 'accoglienza@anello.test');

  // The server names the files of the page in its <head>, so they download beside the
  // main bundle instead of after it.
  const html = await (await page.request.get('/posti-letto')).text();
  const preloaded = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((tag) => tag[0])
    .filter((tag) => tag.includes('rel="preload"'))
    .map((tag) => /href="[^"]*\/([^"/]+\.wasm)"/.exec(tag)?.[1])
    .filter((name): name is string => name !== undefined);
  expect(preloaded.length).toBeGreaterThanOrEqual(2);

  // The contact log, opened on a phone in the street, is in the main bundle: it needs no
  // file of its own (app/src/pages.rs).
  const contacts = await wasmRequested(page, () => loadHydrated(page, '/contatti'));
  expect([...contacts].filter((name) => name.startsWith('chunk_') || name.startsWith('split_'))).toEqual([]);

  // The bed board's first visit asks for the files its page named, which the contact log
  // did not download.
  const board = await wasmRequested(page, () => loadHydrated(page, '/posti-letto'));
  for (const name of preloaded) expect(board).toContain(name);
  const boardOnly = [...board].filter((name) => !contacts.has(name));
  expect(boardOnly.length).toBeGreaterThan(0);

  // Back on the contact log, following a link to the list of people (client-side
  // navigation, to a group of pages not visited yet) downloads that group's code, and the
  // page works.
  await loadHydrated(page, '/contatti');
  const people = await wasmRequested(page, async () => {
    await page.locator('nav.main-nav a[href="/persone"]').click();
    await expect(page).toHaveURL(/\/persone$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
  expect([...people].filter((name) => !contacts.has(name) && !board.has(name)).length).toBeGreaterThan(0);
});
