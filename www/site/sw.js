// The demo site's service worker: after one visit, the site loads and works
// with the network off. Registered by the demo pages of the built site (the
// build adds the registration to dist/site/*.html), never by the element: a
// blog that embeds <stack-advisor> gets no service worker from us.
//
// The build (scripts/artefacts.mjs) replaces BUILD below with the list of the
// site's files and a hash of their contents, so every build that changes a
// file gets a new cache name; `activate` deletes the caches of older builds.
// Precached files are served cache-first (they can only change with a new
// build, which installs a new worker); anything else goes to the network.

/* BUILD */ const BUILD = { version: 'dev', files: [] }; /* /BUILD */

const PREFIX = 'stack-advisor-site-';
const CACHE = `${PREFIX}${BUILD.version}`;
const scope = new URL(self.registration.scope);
const PRECACHED = new Set(BUILD.files.map((file) => new URL(file, scope).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // `reload`: skip the HTTP cache, so the files match this build.
      .then((cache) => cache.addAll(BUILD.files.map((file) => new Request(new URL(file, scope), { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  url.search = '';
  if (!PRECACHED.has(url.href)) return; // not ours: the browser fetches it as usual
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(url.href)).then((cached) => cached || fetch(request)),
  );
});
