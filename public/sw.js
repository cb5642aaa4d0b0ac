/*
 * The client area's service worker, hand-written (see Next's PWA guide). It does one thing: keep
 * the journal form usable without a connection. It caches the form's shell
 * (/dashboard/tagebuch/neu, which shows no entries) and the build's static files; nothing else is
 * cached, no API call passes through here, and entries written offline wait in the page's
 * IndexedDB (components/journal/offline-queue.ts), not here. Signing out deletes these caches and
 * unregisters this worker (components/pwa/device-data.ts).
 */
const CACHE = "praxis-shell-v1";
const SHELL = "/dashboard/tagebuch/neu";
const JOURNAL = "/dashboard/tagebuch";

/** Set on sign-out: from then on this worker caches nothing and answers nothing until it is gone. */
let retired = false;

/** Fetches the shell while signed in and caches it with the static files its HTML names. */
async function cacheShell() {
  if (retired) return;
  const response = await fetch(SHELL, { credentials: "same-origin", cache: "no-store" });
  // A redirect means no session (or not a client): never cache the sign-in page as the shell.
  if (!response.ok || response.redirected) return;
  const html = await response.clone().text();
  const cache = await caches.open(CACHE);
  const assets = [...new Set(html.match(/\/_next\/static\/[^"'\s)\\]+/g) ?? [])];
  await Promise.allSettled(assets.map((asset) => cache.add(asset)));
  if (!retired) await cache.put(SHELL, response);
}

// Sign-out (components/pwa/device-data.ts): delete every cache, then say so. Unregistering alone
// would leave this worker serving (and caching for) the open page until it is closed.
self.addEventListener("message", (event) => {
  if (event.data?.type !== "sign-out") return;
  retired = true;
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.map((key) => caches.delete(key))))
      .finally(() => event.ports[0]?.postMessage("cleared")),
  );
});

self.addEventListener("install", (event) => {
  event.waitUntil(cacheShell().catch(() => {}));
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (retired || request.method !== "GET" || url.origin !== self.location.origin) return;

  if (request.mode === "navigate" && (url.pathname === JOURNAL || url.pathname === SHELL)) {
    event.respondWith(
      fetch(request)
        .then((response) => {
          // Online: keep the offline copy of the form as fresh as the page just served.
          if (response.ok && !response.redirected) event.waitUntil(cacheShell().catch(() => {}));
          return response;
        })
        .catch(async () => {
          if (url.pathname !== SHELL) return Response.redirect(SHELL, 303);
          return (await caches.match(SHELL)) ?? Response.error();
        }),
    );
    return;
  }

  // The build's files never change under their name: cache first.
  if (url.pathname.startsWith("/_next/static/")) {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ??
          fetch(request).then((response) => {
            if (response.ok && !retired) {
              const copy = response.clone();
              event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
            }
            return response;
          }),
      ),
    );
  }
});
