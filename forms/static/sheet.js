/* sheet.js: the score sheet on a tablet. Without it the sheet is a plain
 * form; with it: − and + in the criterion's steps, levels that set the
 * score when tapped, the live total and what is left per criterion.
 * Scores are kept in hundredths (integers), never in binary fractions. */
(function () {
	"use strict";

	var form = document.querySelector("form.sheet");

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

				li.classList.toggle("current", !isNaN(v) && v >= lo && v <= hi);
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
		b.querySelectorAll("ul.levels li").forEach(function (li) {
			li.setAttribute("role", "button");
			li.setAttribute("tabindex", "0");
			function pick() {
				set(b, hundredths(li.getAttribute("data-max")));
			}
			li.addEventListener("click", pick);
			li.addEventListener("keydown", function (ev) {
				if (ev.key === "Enter" || ev.key === " ") {
					ev.preventDefault();
					pick();
				}
			});
		});
	});
	form.addEventListener("input", update);
	update();
}());
