// Bal Register's service worker: the app works with no network after the
// first visit. `VERSION` and `FILES` are written above this file at build
// time by scripts/offline-manifest (the list of files trunk produced).
//
// Every version has its own cache holding index.html and exactly the hashed
// files it names, so a page always loads one whole version, never a mix.
"use strict";

const CACHE = "bal-register-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((k) => k.startsWith("bal-register-") && k !== CACHE).map((k) => caches.delete(k)),
      ))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only this origin's files; there are no others.
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    // Every address of the app is the same page: the cached index.html of
    // this version, so deep links work offline.
    event.respondWith(
      caches.open(CACHE)
        .then((cache) => cache.match("/index.html"))
        .then((page) => page || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(request))
      .then((hit) => hit || fetch(request)),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "version") {
    event.source.postMessage({ version: VERSION });
  }
});
