// Anello's service worker (served at /sw.js from style/assets): the outreach contact log
// on a phone without signal. Registered by the contact page only (`app/src/people/
// contacts/offline.rs`), which it answers with JSON messages.
//
// - The contact page (/contatti, in its form-only variant: no colleague's name, no list
//   of recent contacts) and the files it needs are kept in a cache when the page asks
//   ("prepare"), and answer when the network does not.
// - A contact logged without signal waits in IndexedDB ("anello-outreach", store
//   "outbox") with the id the page made for it, and nothing else than the contact form's
//   fields; it is sent when the page says the connection is back ("send"). The server
//   takes the id as an idempotency key (contacts.client_id): a sending whose answer is
//   lost is harmless when repeated.
// - A contact sent from a connected page that fails on the way (the signal dropped
//   mid-request) is kept the same way, and the page is told it waits.
// - Signing out empties the outbox and the cache, before the sign-out itself.
//
// Plain JavaScript: a service worker is a script of its own, and this one is small.

const CACHE = 'anello-contatti-v1';
const DATABASE = 'anello-outreach';
const OUTBOX = 'outbox';
const LOG_PATH = '/api/people/contacts/log';
const SIGN_OUT_PATH = '/api/auth/sign_out';
const PAGE = '/contatti';
const FORM_ONLY_PAGE = '/contatti?solo-modulo=1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// ----------------------------------------------------------------------------- outbox

function openOutbox() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(OUTBOX, { keyPath: 'clientId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function inOutbox(mode, work) {
  const database = await openOutbox();
  try {
    return await new Promise((resolve, reject) => {
      const transaction = database.transaction(OUTBOX, mode);
      const result = work(transaction.objectStore(OUTBOX));
      transaction.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
      transaction.onerror = () => reject(transaction.error);
    });
  } finally {
    database.close();
  }
}

const waiting = () => inOutbox('readonly', (store) => store.getAll());
const keep = (entry) => inOutbox('readwrite', (store) => store.put(entry));
const forget = (clientId) => inOutbox('readwrite', (store) => store.delete(clientId));

/** Only the contact form's own fields are kept, with the id: nothing else the page sent. */
function contactFields(body) {
  const kept = new URLSearchParams();
  for (const [name, value] of body) {
    if (name.startsWith('form[')) kept.append(name, value);
  }
  if (!kept.get('form[client_id]')) kept.set('form[client_id]', self.crypto.randomUUID());
  return kept;
}

function entryOf(fields) {
  return {
    clientId: fields.get('form[client_id]'),
    body: fields.toString(),
    occurredOn: fields.get('form[occurred_on]') || '',
    channel: fields.get('form[channel]') || '',
    peopleCount: fields.get('form[people_count]') || '1',
    savedAt: Date.now(),
    refused: null,
  };
}

/** What the pages show: the contacts waiting, without their details. */
async function tellPages(extra = {}) {
  const entries = (await waiting()).map(({ clientId, occurredOn, channel, peopleCount, refused }) =>
    ({ clientId, occurredOn, channel, peopleCount, refused }));
  // The page may not be controlled yet (it registered this worker a moment ago).
  const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const message = JSON.stringify({ type: 'outbox', entries, ...extra });
  for (const page of pages) page.postMessage(message);
}

/** Posts a contact form; `headers`: the page's own, when it is the page sending. */
function post(body, headers) {
  const sent = new Headers(headers || { Accept: 'application/json' });
  sent.set('Content-Type', 'application/x-www-form-urlencoded');
  sent.delete('Content-Length');
  return fetch(LOG_PATH, { method: 'POST', credentials: 'same-origin', headers: sent, body });
}

/** Sends what waits, one at a time. Sent or refused for good (a problem in the form, shown
 * to her), it leaves the queue or is marked; signed out or a server away, it waits. */
let sending = null;
function sendWaiting() {
  sending = sending || (async () => {
    try {
      for (const entry of await waiting()) {
        if (entry.refused) continue;
        let response;
        try {
          response = await post(entry.body);
        } catch (error) {
          break; // still no signal
        }
        if (response.ok) {
          await forget(entry.clientId);
        } else if (response.status === 422 || response.status === 400) {
          let message = '';
          try { message = (await response.json()).message || ''; } catch (error) { /* none */ }
          await keep({ ...entry, refused: message || String(response.status) });
        } else {
          break; // signed out, throttled or a server away: later
        }
      }
    } finally {
      sending = null;
    }
    await tellPages();
  })();
  return sending;
}

async function clearEverything() {
  await inOutbox('readwrite', (store) => store.clear());
  await caches.delete(CACHE);
}

// ------------------------------------------------------------------------ the network

async function logContact(request) {
  const fields = contactFields(new URLSearchParams(await request.text()));
  try {
    const response = await post(fields.toString(), request.headers);
    if (response.status < 500) return response;
  } catch (error) {
    // The signal dropped on the way: kept below.
  }
  await keep(entryOf(fields));
  await tellPages({ kept: true });
  return new Response(JSON.stringify({ id: null, kept: true }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** The contact page and its files: from the network, else as kept. */
async function fromNetworkOrCache(request, key) {
  try {
    const response = await fetch(request);
    if (response.ok && key !== PAGE) {
      const cache = await caches.open(CACHE);
      if (await cache.match(key)) await cache.put(key, response.clone());
    }
    return response;
  } catch (error) {
    const kept = await caches.match(key, { ignoreVary: true });
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The hydrated page's sending (a form posted before hydration is a navigation, and
  // goes to the network as it is).
  if (request.method === 'POST' && request.mode !== 'navigate' && url.pathname === LOG_PATH) {
    event.respondWith(logContact(request));
  } else if (request.method === 'POST' && url.pathname === SIGN_OUT_PATH) {
    event.respondWith(clearEverything().catch(() => {}).then(() => fetch(request)));
  } else if (request.method === 'GET' && request.mode === 'navigate' && url.pathname === PAGE) {
    event.respondWith(fromNetworkOrCache(request, PAGE));
  } else if (request.method === 'GET' && (url.pathname.startsWith('/pkg/') || url.pathname.startsWith('/fonts/'))) {
    event.respondWith(caches.open(CACHE).then(async (cache) => {
      if (await cache.match(request, { ignoreVary: true })) return fromNetworkOrCache(request, request.url);
      return fetch(request);
    }));
  }
});

// ---------------------------------------------------------------- what the page asks

/** Keeps the form-only contact page and the files the page loaded. */
async function prepare(files) {
  const cache = await caches.open(CACHE);
  const page = await fetch(FORM_ONLY_PAGE, { credentials: 'same-origin' });
  if (!page.ok || page.redirected) return false;
  await cache.put(PAGE, page);
  for (const file of files) {
    const url = new URL(file, self.location.origin);
    if (url.origin !== self.location.origin) continue;
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (response.ok) await cache.put(url.href, response);
    } catch (error) {
      return false;
    }
  }
  return true;
}

self.addEventListener('message', (event) => {
  let message = event.data || {};
  if (typeof message === 'string') {
    try { message = JSON.parse(message); } catch (error) { return; }
  }
  if (message.type === 'prepare') {
    event.waitUntil(prepare(message.files || []).then((ready) => tellPages({ ready })));
  } else if (message.type === 'keep' && message.body) {
    event.waitUntil(keep(entryOf(contactFields(new URLSearchParams(message.body)))).then(() => tellPages({ kept: true })));
  } else if (message.type === 'send') {
    event.waitUntil(sendWaiting());
  } else if (message.type === 'discard' && message.clientId) {
    event.waitUntil(forget(message.clientId).then(() => tellPages()));
  } else if (message.type === 'outbox') {
    event.waitUntil(tellPages());
  }
});
