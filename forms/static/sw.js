/* sw.js: where the browser allows a service worker (https, or this
 * machine), it keeps a copy of the judge's pages so that reloading a sheet
 * without network still shows it, with the saves waiting in the queue.
 * Everything works without it (plain http on a LAN): it only adds the
 * offline reload. The API is never cached. */
"use strict";

var CACHE = "giamkhao-pages-v2";
var STATIC = ["/static/app.css", "/static/app.js", "/static/queue.js",
	"/static/sheet.js", "/static/ballot.js", "/static/icon.svg"];

/* The pages a judge may need to reload offline. */
function keep(url) {
	return url.pathname === "/" || /^\/entries\/\d+\/sheet$/.test(url.pathname) ||
		/^\/editions\/\d+\/ballot$/.test(url.pathname) ||
		STATIC.indexOf(url.pathname) >= 0;
}

self.addEventListener("install", function (ev) {
	self.skipWaiting();
	ev.waitUntil(caches.open(CACHE).then(function (c) {
		return c.addAll(STATIC);
	}));
});

self.addEventListener("activate", function (ev) {
	ev.waitUntil(self.clients.claim());
});

/* Network first; the copy only when the network fails. */
self.addEventListener("fetch", function (ev) {
	var req = ev.request, url = new URL(req.url);

	if (req.method !== "GET" || url.origin !== self.location.origin ||
			!keep(url)) {
		return;
	}
	ev.respondWith(fetch(req).then(function (resp) {
		var copy = resp.clone();

		if (resp.ok) {
			caches.open(CACHE).then(function (c) {
				c.put(url.pathname, copy);
			});
		}
		return resp;
	}).catch(function () {
		return caches.match(url.pathname).then(function (r) {
			return r || Response.error();
		});
	}));
});
