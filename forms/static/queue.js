/* queue.js: the tablet's queue of sheet saves. A save is kept in this
 * browser's localStorage (per user) with an id of its own before anything
 * is sent; the queue then sends saves one by one, oldest first, to
 * /api/entries/N/sheet, and retries with back-off while the network is
 * away. The server applies each id once and refuses a save made from an
 * older version, so a retry never does harm. No service worker is needed
 * (they want a secure context; venues serve plain http on a LAN). */
(function () {
	"use strict";

	var who = document.querySelector(".user[data-user]");

	if (who === null || !window.localStorage || !window.fetch) {
		return;
	}

	var key = "giamkhao-queue-" + who.getAttribute("data-user");
	var sending = false, delay = 0, listeners = {};

	function load() {
		var st = null;

		try {
			st = JSON.parse(localStorage.getItem(key));
		} catch (e) {
			st = null;
		}
		if (st === null || !Array.isArray(st.records)) {
			st = { records: [], versions: {} };
		}
		st.versions = st.versions || {};
		st.sheets = st.sheets || {};
		st.parked = st.parked || [];
		return st;
	}

	function store(st) {
		localStorage.setItem(key, JSON.stringify(st));
	}

	/* 32 hex digits from the browser's CSPRNG. */
	function newId() {
		var b = new Uint8Array(16), s = "";

		window.crypto.getRandomValues(b);
		b.forEach(function (x) {
			s += (x < 16 ? "0" : "") + x.toString(16);
		});
		return s;
	}

	function token() {
		var t = document.querySelector("input[name=csrf]");

		return t === null ? "" : t.value;
	}

	/* The status line of a sheet page, when there is one. */
	function sayText(text) {
		var el = document.querySelector("p.queue"), st = load();
		var n = st.records.length + st.parked.length;

		if (el === null) {
			return;
		}
		el.textContent = text + (n > 0 ? " (" + n + " " +
			el.getAttribute("data-pending") + ")" : "");
		el.hidden = false;
	}

	function say(kind) {
		var el = document.querySelector("p.queue");

		if (el !== null) {
			sayText(el.getAttribute("data-" + kind));
		}
	}

	function tell(entry, status, body) {
		(listeners[entry] || []).forEach(function (fn) {
			fn(status, body);
		});
	}

	function retry() {
		sending = false;
		delay = Math.min(60000, delay === 0 ? 1000 : delay * 2);
		say("waiting");
		setTimeout(kick, delay);
	}

	function answered(status, body) {
		var st = load(), rec = st.records[0];

		sending = false;
		if (status === 403 && body && body.error &&
				body.error.code === "other_edition") {
			/* a save for another edition than this login card's: kept
			 * aside, for a later login that may send it, and the rest
			 * of the queue goes on */
			st.parked.push(st.records.shift());
			store(st);
			kick();
			return;
		}
		if (status === 401 || status === 403) {
			say("login"); /* kept: sent after logging in again */
			return;
		}
		if (status === 0 || status >= 500) {
			retry();
			return;
		}
		delay = 0;
		st.records.shift();
		if (body && body.sheet) {
			st.versions[rec.entry] = body.sheet.version;
			st.sheets[rec.entry] = body.sheet;
		}
		store(st);
		if (status === 200) {
			say(st.records.length > 0 ? "local" : "sent");
		} else {
			sayText(body && body.error ? body.error.message :
				"HTTP " + status);
		}
		tell(rec.entry, status, body);
		kick();
	}

	/* Sends the oldest save; its base version is fixed when it is first
	 * sent (the version the previous answer gave), and never changes. */
	function kick() {
		var st, rec;

		if (sending) {
			return;
		}
		st = load();
		rec = st.records[0];
		if (rec === undefined) {
			return;
		}
		if (rec.base === null) {
			rec.base = st.versions[rec.entry] || 0;
		}
		rec.sent = true;
		store(st);
		sending = true;
		fetch("/api/entries/" + rec.entry + "/sheet", {
			method: "POST",
			credentials: "same-origin",
			headers: {
				"Content-Type": "application/json",
				"X-CSRF-Token": token()
			},
			body: JSON.stringify({
				client_id: rec.id,
				version: rec.base,
				rubric_version: rec.rubric_version,
				state: rec.state,
				points: rec.points,
				comment: rec.comment,
				reason: rec.reason
			})
		}).then(function (resp) {
			return resp.json().catch(function () {
				return null;
			}).then(function (body) {
				answered(resp.status, body);
			});
		}).catch(retry);
	}

	window.giamkhaoQueue = {
		/* A new save of an entry's sheet: it replaces the entry's
		 * last save if that one has not been sent yet. */
		put: function (entry, rec) {
			var st = load(), last = st.records[st.records.length - 1];

			rec.entry = entry;
			rec.base = null;
			rec.sent = false;
			if (last !== undefined && last.entry === entry && !last.sent) {
				rec.id = last.id;
				st.records[st.records.length - 1] = rec;
			} else {
				rec.id = newId();
				st.records.push(rec);
			}
			store(st);
			say("local");
			kick();
		},
		/* The newest save of the entry not yet acknowledged, or null. */
		latest: function (entry) {
			var r = load().records.filter(function (x) {
				return x.entry === entry;
			});

			return r.length > 0 ? r[r.length - 1] : null;
		},
		/* The sheet as the server last answered a save of it (its
		 * version, state, points and comment), or null: newer than a
		 * page the service worker kept from before that save. */
		acked: function (entry) {
			return load().sheets[entry] || null;
		},
		/* The server's version of a sheet, as a page shows it. */
		known: function (entry, version) {
			var st = load();

			if (!(st.versions[entry] >= version)) {
				st.versions[entry] = version;
				store(st);
			}
		},
		onAnswer: function (entry, fn) {
			(listeners[entry] = listeners[entry] || []).push(fn);
		},
		pending: function () {
			return load().records.length;
		},
		say: say
	};

	/* Reloading offline needs a service worker, which browsers allow
	 * only in a secure context (https, or this machine). */
	if ("serviceWorker" in navigator && window.isSecureContext) {
		navigator.serviceWorker.register("/sw.js").catch(function () {});
	}

	/* Logging out with saves not sent: ask first. The copies of
	 * answered sheets go (like the service worker's pages); the unsent
	 * saves stay, to be sent after the next login. */
	document.querySelectorAll("form.logout").forEach(function (f) {
		f.addEventListener("submit", function (ev) {
			var st = load();

			if (st.records.length + st.parked.length > 0 &&
					!window.confirm(who.getAttribute("data-logout-ask"))) {
				ev.preventDefault();
				return;
			}
			st.sheets = {};
			store(st);
		});
	});
	window.addEventListener("online", function () {
		delay = 0;
		kick();
	});
	/* saves set aside for another edition are tried again with this
	 * page's login (it may be a different one) */
	(function () {
		var st = load();

		if (st.parked.length > 0) {
			st.records = st.parked.concat(st.records);
			st.parked = [];
			store(st);
		}
	}());
	if (load().records.length > 0) {
		say("local");
		kick();
	}
}());
