// First visits as a phone on 4G sees them: for each route, a new browser (empty cache)
// signed in as the person who uses that page, the bytes transferred (HTML, CSS, JS, wasm,
// as served: compressed), the number of requests (the bundle is split by page) and the
// time until the page is hydrated (interactive), with the network throttled to 9 Mbit/s
// down, 3 Mbit/s up and 150 ms of latency through the Chrome DevTools Protocol. Prints a table; numbers are from this run only.
//
// Usage: BASE_URL=http://127.0.0.1:3300 node bench/first-load.mjs (an https:// BASE_URL, as
// .ci/e2e-proxy.sh --bench gives through nginx, accepts the run's self-signed certificate).
import { chromium } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const routes = [
  { path: '/accedi', who: null },
  { path: '/contatti', who: 'strada@anello.test' },
  { path: '/posti-letto', who: 'accoglienza@anello.test' },
  { path: '/forum', who: 'partner@anello.test' },
  // A personal plan (the largest group of pages): a person of the case worker's, found
  // on her people list.
  { path: '/persone/{code}/progetto', who: 'operatrice@anello.test' },
];
const phone4g = { offline: false, latency: 150, downloadThroughput: (9e6 / 8), uploadThroughput: (3e6 / 8) };
const goals = { '/contatti': { bytes: 500 * 1024, ms: 3000 } };
const routeLimit = 1024 * 1024;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function firstVisit({ path, who }) {
  const context = await browser.newContext({
    locale: 'it-IT',
    viewport: { width: 390, height: 844 },
    ignoreHTTPSErrors: base.startsWith('https:'),
  });
  if (who) {
    const signedIn = await context.request.post(`${base}/api/auth/sign_in`, {
      headers: { Origin: base, Accept: 'application/json' },
      form: { email: who, password: 'anello-demo' },
    });
    if (!signedIn.ok()) throw new Error(`sign-in of ${who}: ${signedIn.status()}`);
  }
  if (path.includes('{code}')) {
    const list = await (await context.request.get(`${base}/persone`)).text();
    const found = list.match(/href="\/persone\/([A-Z]{2}-[0-9A-Z-]+)"/);
    if (!found) throw new Error('no person on the people list of ' + who);
    path = path.replace('{code}', found[1]);
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.send('Network.emulateNetworkConditions', phone4g);
  const byType = {};
  const types = new Map();
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  let total = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => {
    requests++;
    const type = (types.get(e.requestId) ?? 'Other').toLowerCase();
    byType[type] = (byType[type] ?? 0) + e.encodedDataLength;
    total += e.encodedDataLength;
  });
  const started = Date.now();
  await page.goto(`${base}${path}`, { waitUntil: 'commit' });
  await page.waitForSelector('html[data-hydrated]', { timeout: 60_000 });
  const interactive = Date.now() - started;
  await page.waitForLoadState('networkidle').catch(() => {});
  await context.close();
  return { path, who: who ?? '(not signed in)', total, requests, byType, interactive };
}

const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
const rows = [];
for (const route of routes) rows.push(await firstVisit(route));
await browser.close();

console.log('\nFirst visit on a phone over 4G (9 Mbit/s, 150 ms), empty cache, bytes as transferred');
console.log('| route | as | total | requests | document | script | wasm/fetch | stylesheet | interactive | goal |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
let failed = 0;
for (const r of rows) {
  const goal = goals[r.path];
  const notes = [];
  if (goal) notes.push(`≤ ${kib(goal.bytes)} ${r.total <= goal.bytes ? 'met' : 'NOT met'}, ≤ ${goal.ms} ms ${r.interactive <= goal.ms ? 'met' : 'NOT met'}`);
  notes.push(`≤ 1 MiB ${r.total <= routeLimit ? 'met' : 'NOT met'}`);
  if (r.total > routeLimit || (goal && (r.total > goal.bytes || r.interactive > goal.ms))) failed++;
  const t = r.byType;
  console.log(`| ${r.path} | ${r.who} | ${kib(r.total)} | ${r.requests} | ${kib(t.document ?? 0)} | ${kib(t.script ?? 0)} | ${kib((t.fetch ?? 0) + (t.other ?? 0))} | ${kib(t.stylesheet ?? 0)} | ${r.interactive} ms | ${notes.join('; ')} |`);
}
console.log(failed ? `\n${failed} route(s) miss a goal (see the table).` : '\nEvery goal met.');
