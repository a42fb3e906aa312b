/* app.js: small enhancements only; every page works without this file
 * (and without JavaScript). Loaded with defer; no inline code anywhere,
 * since the Content-Security-Policy forbids it. */
(function () {
	"use strict";

	/* After logging out, no copy of a judge's pages stays on the tablet
	 * (the service worker's, where there is one). */
	if (document.querySelector("form[action=\"/login\"]") !== null &&
			window.caches !== undefined) {
		window.caches.delete("giamkhao-pages-v1").catch(function () {});
	}

	/* A button or link with data-confirm="Question?" asks before it acts
	 * (moving an edition to its next stage, deleting, locking a round). */
	document.addEventListener("click", function (ev) {
		var el = ev.target.closest ? ev.target.closest("[data-confirm]") : null;

		if (el !== null && !window.confirm(el.getAttribute("data-confirm"))) {
			ev.preventDefault();
		}
	});
}());
