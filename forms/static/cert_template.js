/* cert_template.js: the template page's live preview. The page works
 * without it (the preview button posts the form into the frame); this
 * posts it there by itself a moment after each change, when the form is
 * valid, and switches the prize as soon as another is chosen. */
(function () {
	'use strict';
	var choose = document.getElementById('tpl-choose');
	var form = document.getElementById('tpl-form');
	var button = document.getElementById('tpl-preview-button');
	var timer = null;

	if (choose) {
		choose.querySelector('select').addEventListener('change',
			function () { choose.submit(); });
	}
	if (!form || !button) {
		return;
	}
	function refresh() {
		timer = null;
		/* an empty required field would pop up a warning while typing */
		if (!form.checkValidity()) {
			return;
		}
		if (form.requestSubmit) {
			form.requestSubmit(button);
		} else {
			button.click();
		}
	}
	function later() {
		if (timer) {
			clearTimeout(timer);
		}
		timer = setTimeout(refresh, 600);
	}
	form.addEventListener('input', later);
	form.addEventListener('change', later);
})();
