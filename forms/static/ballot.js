/* ballot.js: the secret ballot on a tablet. The marks are kept in this
 * browser's localStorage as they are made (a reload, a dropped network or
 * a flat battery loses none), with a count of the dossiers marked. The
 * cast is sent as JSON to /api/editions/N/ballot; without network it is
 * kept and sent again, with back-off, until the server answers. The
 * server takes one cast per member and treats a resend of the same cast
 * (same client id) as done, so a retry never counts twice. The marks
 * live on this tablet only: once the cast is answered they are erased. */
(function () {
	"use strict";

	var who = document.querySelector(".user[data-user]");
	var paper = document.querySelector("form.ballot");
	var cast = document.querySelector("form.ballot-cast");
	var done = document.querySelector(".ballot-done");
	var page = paper || cast || done;

	if (who === null || page === null || !window.localStorage ||
			!window.fetch) {
		return;
	}

	var edition = page.getAttribute("data-edition");
	var base = "giamkhao-ballot-" + who.getAttribute("data-user") + "-" +
		edition;
	var delay = 0, timer = null, busy = false;

	function read(key) {
		try {
			return JSON.parse(localStorage.getItem(key));
		} catch (e) {
			return null;
		}
	}

	function votes(form) {
		var out = {};

		form.querySelectorAll("input").forEach(function (i) {
			var m = /^v(\d+)$/.exec(i.name);

			if (m !== null && (i.type !== "radio" || i.checked) &&
					i.value !== "") {
				out[m[1]] = i.value;
			}
		});
		return out;
	}

	/* The paper: marks restored, kept on every change, counted. */
	function count() {
		var el = paper.querySelector(".ballot-count");
		var n = paper.querySelectorAll("fieldset.ballot-row").length;

		el.textContent = el.getAttribute("data-label") + ": " +
			Object.keys(votes(paper)).length + " / " + n;
	}

	function keepMarks() {
		localStorage.setItem(base + "-marks", JSON.stringify(votes(paper)));
		count();
	}

	function restoreMarks() {
		var kept = read(base + "-marks") || {};

		Object.keys(kept).forEach(function (id) {
			var box = paper.querySelector("input[name=v" + id + "][value=" +
				(kept[id] === "yes" ? "yes" : "no") + "]");

			/* what the server sent back (a refused post) comes first */
			if (box !== null && paper.querySelector(
					"input[name=v" + id + "]:checked") === null) {
				box.checked = true;
			}
		});
		count();
	}

	function show(queued) {
		var el = document.querySelector("p.queued");

		if (el !== null) {
			el.hidden = !queued;
		}
	}

	function finished() {
		localStorage.removeItem(base + "-marks");
		localStorage.removeItem(base + "-cast");
		window.location.assign("/editions/" + edition + "/ballot");
	}

	function token() {
		var t = document.querySelector("input[name=csrf]");

		return t === null ? "" : t.value;
	}

	/* Sends the kept cast, one request at a time; keeps it while the
	 * network is away. */
	function send() {
		var pending = read(base + "-cast");

		if (pending === null || busy) {
			return;
		}
		busy = true;
		fetch("/api/editions/" + edition + "/ballot", {
			method: "POST",
			credentials: "same-origin",
			headers: {
				"Content-Type": "application/json",
				"X-CSRF-Token": token()
			},
			body: JSON.stringify(pending)
		}).then(function (resp) {
			/* the answer read whole before the page moves on */
			return resp.text().then(function () {
				return resp.status;
			});
		}).then(function (status) {
			busy = false;
			if (status === 0 || status >= 500) {
				throw new Error("retry");
			}
			if (status === 200 || status === 409) {
				/* cast, or cast before, or closed: the page says */
				finished();
				return;
			}
			/* refused as it stands: the form shows the server's words */
			localStorage.removeItem(base + "-cast");
			show(false);
			if (cast !== null) {
				cast.submit();
			} else {
				window.location.reload();
			}
		}).catch(function () {
			busy = false;
			show(true);
			delay = Math.min(60000, delay === 0 ? 1000 : delay * 2);
			timer = setTimeout(send, delay);
		});
	}

	if (done !== null) {
		/* cast: nothing of it stays on the tablet */
		localStorage.removeItem(base + "-marks");
		localStorage.removeItem(base + "-cast");
		return;
	}
	if (paper !== null) {
		paper.querySelector(".ballot-count").setAttribute("data-label",
			paper.getAttribute("data-marked"));
		paper.addEventListener("change", keepMarks);
		restoreMarks();
	}
	if (cast !== null) {
		cast.addEventListener("submit", function (ev) {
			ev.preventDefault();
			localStorage.setItem(base + "-cast", JSON.stringify({
				client_id: cast.querySelector("input[name=client_id]").value,
				votes: votes(cast)
			}));
			send();
		});
	}
	window.addEventListener("online", function () {
		clearTimeout(timer);
		delay = 0;
		send();
	});
	if (read(base + "-cast") !== null) {
		show(true);
		send();
	}
}());
