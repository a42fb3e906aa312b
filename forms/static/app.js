/* app.js: small enhancements only; every page works without this file
 * (and without JavaScript). Loaded with defer; no inline code anywhere,
 * since the Content-Security-Policy forbids it. */
(function () {
	"use strict";

	/* A button or link with data-confirm="Question?" asks before it acts
	 * (moving an edition to its next stage, deleting, locking a round). */
	document.addEventListener("click", function (ev) {
		var el = ev.target.closest ? ev.target.closest("[data-confirm]") : null;

		if (el !== null && !window.confirm(el.getAttribute("data-confirm"))) {
			ev.preventDefault();
		}
	});
}());
