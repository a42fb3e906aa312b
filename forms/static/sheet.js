/* sheet.js: the score sheet on a tablet. Without it the sheet is a plain
 * form; with it: − and + in the criterion's steps, levels that set the
 * score when tapped, the live total and what is left per criterion, and
 * the offline queue: every save goes first to this tablet's storage with
 * an id of its own, then to the server (/api/...) when the network
 * allows, retried with back-off; the server applies each id once. Scores
 * are kept in hundredths (integers), never in binary fractions. */
(function () {
	"use strict";

	var form = document.querySelector("form.sheet");
	var queue = window.giamkhaoQueue; /* from queue.js */

	if (form === null) {
		return;
	}

	/* "27.5" -> 2750; NaN when not a plain decimal with <= 2 places. */
	function hundredths(text) {
		var m = /^\s*(\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);

		if (m === null) {
			return NaN;
		}
		return parseInt(m[1], 10) * 100 +
			(m[2] === undefined ? 0 : parseInt((m[2] + "0").slice(0, 2), 10));
	}

	function text(h) {
		var whole = Math.floor(h / 100), frac = h % 100;

		if (frac === 0) {
			return String(whole);
		}
		return whole + "." + (frac % 10 === 0 ? String(frac / 10) :
			(frac < 10 ? "0" + frac : String(frac)));
	}

	var blocks = Array.prototype.slice.call(
		form.querySelectorAll("fieldset.criterion"));
	var total = document.getElementById("sheet-total");

	function update() {
		var sum = 0;

		blocks.forEach(function (b) {
			var input = b.querySelector(".stepper input");
			var max = hundredths(b.getAttribute("data-max"));
			var weight = parseFloat(b.getAttribute("data-weight"));
			var v = hundredths(input.value);
			var left = b.querySelector("output.remaining");

			if (isNaN(v)) {
				left.textContent = "";
			} else {
				sum += v * weight;
				left.textContent = text(Math.max(0, max - v)) + " " +
					left.getAttribute("data-label");
			}
			b.querySelectorAll("ul.levels li").forEach(function (li) {
				var lo = hundredths(li.getAttribute("data-min"));
				var hi = hundredths(li.getAttribute("data-max"));
				var on = !isNaN(v) && v >= lo && v <= hi;
				var pick = li.querySelector("button.level");

				li.classList.toggle("current", on);
				if (pick !== null) {
					pick.setAttribute("aria-pressed", on ? "true" : "false");
				}
			});
		});
		if (total !== null) {
			total.textContent = text(Math.round(sum));
		}
	}

	function set(b, h) {
		var input = b.querySelector(".stepper input");
		var max = hundredths(b.getAttribute("data-max"));

		input.value = text(Math.min(max, Math.max(0, h)));
		input.dispatchEvent(new Event("input", { bubbles: true }));
	}

	blocks.forEach(function (b) {
		var input = b.querySelector(".stepper input");
		var step = hundredths(b.getAttribute("data-step"));

		b.querySelectorAll(".stepper button").forEach(function (btn) {
			btn.hidden = false;
			btn.addEventListener("click", function () {
				var v = hundredths(input.value);
				var up = btn.classList.contains("more");

				if (isNaN(v)) {
					v = up ? 0 : hundredths(b.getAttribute("data-max"));
				} else {
					/* to the next multiple of step, as the core wants */
					v = up ? (Math.floor(v / step) + 1) * step :
						(Math.ceil(v / step) - 1) * step;
				}
				set(b, v);
			});
		});
		/* Each level's text goes into a button of its own inside the
		 * item: an item made a button (role=button on the li) is no
		 * longer a list item to a screen reader, and the list breaks. */
		b.querySelectorAll("ul.levels li").forEach(function (li) {
			var pick = document.createElement("button");

			pick.type = "button";
			pick.className = "level";
			while (li.firstChild !== null) {
				pick.appendChild(li.firstChild);
			}
			li.appendChild(pick);
			li.parentNode.classList.add("pick");
			pick.addEventListener("click", function () {
				set(b, hundredths(li.getAttribute("data-max")));
			});
		});
	});
	form.addEventListener("input", update);
	update();

	if (queue === undefined || form.getAttribute("data-writable") !== "1") {
		return;
	}

	var entry = form.getAttribute("data-entry");
	var state = form.getAttribute("data-state");
	var timer = null;

	queue.known(entry, parseInt(form.querySelector("[name=version]").value,
		10));

	/* The sheet as the API takes it. */
	function snapshot(submit) {
		var points = {}, reason = form.querySelector("[name=reason]");

		blocks.forEach(function (b) {
			var v = b.querySelector(".stepper input").value.trim();

			points[b.getAttribute("data-id")] = v === "" ? null : v;
		});
		return {
			rubric_version: parseInt(form.querySelector(
				"[name=rubric_version]").value, 10),
			state: submit ? "submitted" : "draft",
			points: points,
			comment: form.querySelector("[name=comment]").value,
			reason: reason === null ? "" : reason.value
		};
	}

	/* Puts a save (or a sheet as the server answered it) in the form. */
	function restore(rec) {
		blocks.forEach(function (b) {
			var v = rec.points[b.getAttribute("data-id")];

			b.querySelector(".stepper input").value = v === null ||
				v === undefined ? "" : v;
		});
		form.querySelector("[name=comment]").value = rec.comment || "";
		update();
	}

	/* The state above the sheet, in the words the page carries for
	 * each: the page shows the state it was made with, which a save
	 * through the queue (or an older copy of the page) leaves behind. */
	function showState(s) {
		var p = document.querySelector("p.sheet-state");
		var span = p === null ? null : p.querySelector("span.state");

		if (span === null || !p.hasAttribute("data-" + s)) {
			return;
		}
		span.className = "state " + s;
		span.textContent = p.getAttribute("data-" + s);
	}

	/* The server's word on a save of this sheet. */
	queue.onAnswer(entry, function (status, body) {
		var fields = body && body.error && body.error.fields;

		form.querySelectorAll("p.error.api").forEach(function (p) {
			p.remove();
		});
		if (body && body.sheet) {
			form.querySelector("[name=version]").value = body.sheet.version;
			state = body.sheet.state;
			showState(state);
		}
		Object.keys(fields || {}).forEach(function (id) {
			var b = form.querySelector("fieldset[data-id=\"" +
				CSS.escape(id) + "\"]") || form;
			var p = document.createElement("p");

			p.className = "error api";
			p.textContent = fields[id];
			b.appendChild(p);
		});
		if (status === 200 && body.sheet.state === "submitted" &&
				form.getAttribute("data-submitting") === "1") {
			window.location.assign("/entries/" + entry +
				"/sheet?saved=submitted");
		}
	});

	var pending = queue.latest(entry), acked = queue.acked(entry);
	var version = form.querySelector("[name=version]");

	if (pending !== null) {
		restore(pending);
		queue.say("restored");
	} else if (acked !== null && acked.version > parseInt(version.value, 10)) {
		/* This page is older than the sheet's last save: the service
		 * worker's copy, shown offline. Without this the judge would
		 * see blanks and a save would send them, wiping the scores. */
		restore(acked);
		version.value = acked.version;
		state = acked.state;
		form.setAttribute("data-state", state);
		showState(state);
	}

	function save(submit) {
		clearTimeout(timer);
		timer = null;
		form.setAttribute("data-submitting", submit ? "1" : "0");
		queue.put(entry, snapshot(submit));
	}

	/* Drafts save themselves a few seconds after the last change; a
	 * submitted sheet changes only when its judge says so (with a
	 * reason). */
	form.addEventListener("input", function () {
		if (state === "submitted") {
			return;
		}
		clearTimeout(timer);
		timer = setTimeout(function () { save(false); }, 3000);
	});
	form.addEventListener("submit", function (ev) {
		var op = ev.submitter ? ev.submitter.value : "draft";

		ev.preventDefault();
		save(op === "submit");
	});
}());
