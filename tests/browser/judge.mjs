// judge.mjs: the judge's flow on an iPad-sized tablet (810x1080, touch):
// open a single-use login link (no QR scan), score two entries with taps
// on level descriptors and − / + buttons (checking the live total), save a
// draft online, go offline (the browser's offline emulation), save a
// draft, move to the other sheet and change it, reload (the service
// worker serves the page; the unsent values come back from this tablet's
// storage), come back online and see the queue drain, submit both sheets,
// and see them submitted on the home page. The database then holds one
// sheet per entry with the tapped values, each save applied once. axe-core
// checks the home page and the sheet. Screenshots go to
// tests/browser/out/judge-NN-step.png. The helpers are in lib.mjs.
//
// usage: node tests/browser/judge.mjs BINARY
// env:   CHROMIUM (default /usr/bin/chromium), BROWSER_TIMEOUT_MS (15000)
//
// Prints one line per check, then "browser: N passed, N failed"; exits 1
// on any failure. No console error, exception or failed request is
// allowed, except requests to /api/ (and the service worker's update
// check) that fail while the browser is offline, which are only noted.
import {
	check, checkAxe, checkTouch, navigate, note, run, runTest, stepDone,
} from './lib.mjs';

const JUDGE = 'gk08'; // a plain judge of the demo (not a panel chair)
const QUEUE_KEY = `giamkhao-queue-${JUDGE}`;

// What the judge taps on each sheet, and the values that must follow.
// A level sets the score to the level's top; − and + move by the
// criterion's step (0.5 in the technical-innovation preset).
const PLANS = [
	[
		{ id: 'novelty', level: 2, taps: ['less', 'less'], value: '29' },
		{ id: 'applicability', level: 1, taps: ['more'], value: '20.5' },
		{ id: 'effectiveness', level: 3, taps: ['less', 'less', 'less'], value: '38.5' },
	],
	[
		{ id: 'novelty', level: 1, taps: ['more', 'more', 'more'], value: '21.5' },
		{ id: 'applicability', level: 2, taps: ['less'], value: '29.5' },
		{ id: 'effectiveness', level: 2, taps: ['more'], value: '30.5' },
	],
];

// Whether the browser is offline: what fails then is expected.
let offline = false;

function hundredths(v) {
	const [w, f = ''] = v.split('.');
	return Number(w) * 100 + Number((f + '00').slice(0, 2));
}

function totalOf(values) {
	const h = Object.values(values).reduce((s, v) => s + hundredths(v), 0);
	return String(h / 100);
}

// ---- the page ---------------------------------------------------------------

async function values(page) {
	return page.locator('form.sheet fieldset.criterion').evaluateAll((fs) =>
		Object.fromEntries(fs.map((f) => [f.dataset.id,
			f.querySelector('.stepper input').value])));
}

async function total(page) {
	return (await page.locator('#sheet-total').innerText()).trim();
}

// The queue in this tablet's storage.
async function stored(page) {
	return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ||
		'{"records":[]}'), QUEUE_KEY);
}

// Waits until p.queue says `kind` (its data-KIND text) and the stored
// queue holds `pending` saves; the last text seen when it does not.
async function waitQueue(page, kind, pending) {
	try {
		await page.waitForFunction(([kind, key, pending]) => {
			const p = document.querySelector('p.queue');
			const st = JSON.parse(localStorage.getItem(key) || '{"records":[]}');
			return p !== null && !p.hidden &&
				p.textContent.startsWith(p.getAttribute(`data-${kind}`)) &&
				st.records.length === pending;
		}, [kind, QUEUE_KEY, pending]);
		return true;
	} catch {
		const text = await page.locator('p.queue').textContent().catch(() => '?');
		const n = (await stored(page).catch(() => ({ records: [] }))).records.length;
		note(`p.queue says "${text}" with ${n} save(s) stored`);
		return false;
	}
}

// The state the label above the sheet shows (none, draft, submitted),
// when its words are that state's.
async function stateShown(page) {
	return page.locator('p.sheet-state').evaluate((p) => {
		const span = p.querySelector('span.state');
		const s = span.classList[1];
		return span.textContent === p.getAttribute(`data-${s}`) ? s : `${s}?`;
	});
}

async function queueText(page) {
	return (await page.locator('p.queue').textContent()).trim();
}

async function tapPlan(page, plan) {
	for (const c of plan) {
		const block = page.locator(`form.sheet fieldset.criterion[data-id="${c.id}"]`);
		await block.locator('ul.levels li').nth(c.level).tap();
		for (const t of c.taps)
			await block.locator(`.stepper button.${t}`).tap();
	}
}

function planValues(plan) {
	return Object.fromEntries(plan.map((c) => [c.id, c.value]));
}

async function openSheet(page, entry) {
	await navigate(page, () => page.locator(`ul.assigned a[href="/entries/${entry}/sheet"]`).tap(),
		`/entries/${entry}/sheet`);
}

async function goHome(page) {
	await navigate(page, () => page.locator('p.crumbs a[href="/"]').tap(), '/');
}

// The sheet state each entry is listed under on the home page.
async function homeStates(page) {
	return page.evaluate(() => {
		const out = {};
		for (const ul of document.querySelectorAll('ul.assigned')) {
			const h = ul.previousElementSibling;
			for (const a of ul.querySelectorAll('a'))
				out[a.getAttribute('href').split('/')[2]] = h ? h.textContent.trim() : '';
		}
		return out;
	});
}

// ---- the database -----------------------------------------------------------

// Per entry, the judge's sheets: state, version, scores (hundredths by
// criterion), and the versions produced by the saves the server applied.
const DB_READ = `
import json, sqlite3, sys
db, login, entries = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
c = sqlite3.connect('file:' + db + '?mode=ro', uri=True)
expert = c.execute('SELECT expert_id FROM users WHERE login = ?', (login,)).fetchone()[0]
out = {}
for e in entries:
    out[e] = []
    for sid, state, version in c.execute(
            'SELECT id, state, version FROM sheets WHERE entry_id = ? AND expert_id = ?',
            (e, expert)).fetchall():
        scores = dict(c.execute('SELECT criterion, points FROM scores WHERE sheet_id = ?', (sid,)))
        saves = [v for (v,) in c.execute(
            'SELECT version FROM sheet_saves WHERE sheet_id = ? ORDER BY version', (sid,))]
        out[e].append({'state': state, 'version': version, 'scores': scores, 'saves': saves})
print(json.dumps(out))
`;

async function dbSheets(server, entries) {
	const r = await run('python3', ['-c', DB_READ, server.db, JUDGE, JSON.stringify(entries)]);
	if (r.code !== 0)
		throw new Error(`reading the database: ${r.out}`);
	return JSON.parse(r.out);
}

// One sheet for the entry, in `state`, with exactly `want` (criterion ->
// decimal text) as its scores, and its versions each made by one save.
function checkSheet(what, sheets, state, want) {
	const wantH = Object.fromEntries(Object.entries(want).map(([k, v]) => [k, hundredths(v)]));
	const s = sheets[0];
	check(`${what}: exactly one sheet in the database`, sheets.length === 1, sheets);
	if (s === undefined)
		return;
	check(`${what}: its state is ${state}`, s.state === state, s.state);
	check(`${what}: its scores are the tapped values (${JSON.stringify(wantH)})`,
		JSON.stringify(Object.entries(s.scores).sort()) ===
		JSON.stringify(Object.entries(wantH).sort()), s.scores);
	const once = s.saves.length === s.version && s.saves.every((v, i) => v === i + 1);
	check(`${what}: each of its ${s.version} versions made by one save, none applied twice`,
		once, s);
}

// ---- the flow -------------------------------------------------------------

async function flow(page, { server, context }) {
	// The login link, opened as if from the QR card.
	const link = await server.loginLink(JUDGE);
	const opened = await page.goto(link, { waitUntil: 'load' });
	const button = page.locator('form.enter button[type=submit]');
	check('the login link opens a page with one button (nothing used yet)',
		opened.status() === 200 && await button.count() === 1, opened.status());
	await stepDone(page, 'enter');
	const [r] = await Promise.all([page.waitForNavigation(), button.tap()]);
	check('the button leads to the judge\'s home page',
		r.status() === 200 && new URL(page.url()).pathname === '/', `${r.status()} ${page.url()}`);
	check('the home page is Vietnamese', await page.getAttribute('html', 'lang') === 'vi');
	const assigned = await page.evaluate(async () => {
		const resp = await fetch('/api/assigned', { credentials: 'same-origin' });
		return resp.json();
	});
	const open = assigned.entries.filter((e) => e.state !== 'submitted');
	if (!check('the judge has two entries not submitted yet', open.length >= 2, assigned.entries))
		return;
	const entries = open.slice(0, 2).map((e) => e.id);
	note(`entries ${entries.join(' and ')} (${open.slice(0, 2).map((e) => e.code).join(', ')})`);
	const want = PLANS.map(planValues);
	const [a, b] = entries;
	// Every page of the judge after this one goes through it (and is kept).
	await page.waitForFunction(() => navigator.serviceWorker &&
		navigator.serviceWorker.controller !== null);
	check('a service worker controls the judge\'s pages', true);
	await checkAxe(page, 'home page');
	await stepDone(page, 'home');

	// Entry A: levels and steppers, the live total, a draft sent.
	await openSheet(page, a);
	check('sheet A: − / + buttons shown (sheet.js ran)',
		await page.locator('.stepper button.more').first().isVisible());
	check('sheet A: writable', await page.getAttribute('form.sheet', 'data-writable') === '1');
	await tapPlan(page, PLANS[0]);
	check('sheet A: the tapped values', JSON.stringify(await values(page)) ===
		JSON.stringify(want[0]), await values(page));
	check(`sheet A: the live total is ${totalOf(want[0])}`,
		await total(page) === totalOf(want[0]), await total(page));
	check('sheet A: the level tapped last is marked current',
		await page.locator(`fieldset.criterion[data-id="novelty"] ul.levels li.current`)
			.count() === 1);
	await checkTouch(page, 'sheet A');
	await page.locator('button[name="op"][value="draft"]').tap();
	check('sheet A: the draft is sent (p.queue, nothing left stored)',
		await waitQueue(page, 'sent', 0), await queueText(page));
	check('sheet A: the state above the sheet now says draft',
		await stateShown(page) === 'draft', await stateShown(page));
	await checkAxe(page, 'sheet page');
	await stepDone(page, 'sheet-a-draft');

	// Entry B: scored online, its draft saved offline.
	await goHome(page);
	await openSheet(page, b);
	await tapPlan(page, PLANS[1]);
	check(`sheet B: the tapped values, total ${totalOf(want[1])}`,
		JSON.stringify(await values(page)) === JSON.stringify(want[1]) &&
		await total(page) === totalOf(want[1]), [await values(page), await total(page)]);
	await stepDone(page, 'sheet-b-scored');
	offline = true;
	await context.setOffline(true);
	check('offline: navigator.onLine is false', await page.evaluate(() => !navigator.onLine));
	await page.locator('button[name="op"][value="draft"]').tap();
	check('sheet B offline: the draft waits on this tablet (p.queue)',
		await waitQueue(page, 'waiting', 1), await queueText(page));
	const kept = (await stored(page)).records;
	check('sheet B offline: the stored save holds the tapped values',
		kept.length === 1 && String(kept[0].entry) === String(b) &&
		JSON.stringify(kept[0].points) === JSON.stringify(want[1]), kept);
	await stepDone(page, 'sheet-b-offline');

	// Still offline: home and sheet A from the service worker's copies,
	// showing what was sent; a change to A waits too.
	const home = page.waitForResponse((resp) => new URL(resp.url()).pathname === '/');
	await goHome(page);
	check('offline: the home page comes from the service worker',
		(await home).fromServiceWorker());
	await openSheet(page, a);
	check('offline: sheet A shows the draft sent before',
		JSON.stringify(await values(page)) === JSON.stringify(want[0]) &&
		await total(page) === totalOf(want[0]), [await values(page), await total(page)]);
	check('offline: sheet A says draft', await stateShown(page) === 'draft',
		await stateShown(page));
	await page.locator('fieldset.criterion[data-id="novelty"] .stepper button.more').tap();
	want[0].novelty = '29.5';
	await page.locator('button[name="op"][value="draft"]').tap();
	check('sheet A offline: two saves wait on this tablet',
		await waitQueue(page, 'waiting', 2), await queueText(page));
	await stepDone(page, 'sheet-a-offline');

	// A reload without network.
	const again = await page.reload({ waitUntil: 'load' });
	check('offline reload: the sheet comes from the service worker (HTTP 200)',
		again !== null && again.status() === 200 && again.fromServiceWorker(),
		again && `${again.status()} fromServiceWorker=${again.fromServiceWorker()}`);
	check('offline reload: the unsent values are back in the inputs',
		JSON.stringify(await values(page)) === JSON.stringify(want[0]), await values(page));
	check(`offline reload: the total is ${totalOf(want[0])}`,
		await total(page) === totalOf(want[0]), await total(page));
	const said = await page.locator('p.queue').evaluate((p) => ({
		text: p.textContent, hidden: p.hidden,
		ok: [p.dataset.restored, p.dataset.waiting].some((t) => p.textContent.startsWith(t)) &&
			p.textContent.includes(`(2 ${p.dataset.pending})`),
	}));
	check('offline reload: p.queue says two saves are kept on this tablet',
		said.ok && !said.hidden, said.text);
	await stepDone(page, 'sheet-a-reloaded-offline');

	// Back online: the queue drains by itself.
	await page.waitForTimeout(200); // the offline failures' events arrive
	offline = false;
	await context.setOffline(false);
	check('online: the queue drains (p.queue says sent, nothing stored)',
		await waitQueue(page, 'sent', 0), await queueText(page));
	const drafts = await dbSheets(server, entries);
	checkSheet('entry A after the queue drained', drafts[a], 'draft', want[0]);
	checkSheet('entry B after the queue drained', drafts[b], 'draft', want[1]);
	await stepDone(page, 'sheet-a-synced');

	// Submit both.
	await navigate(page, () => page.locator('button[name="op"][value="submit"]').tap(),
		new RegExp(`^/entries/${a}/sheet\\?saved=submitted$`));
	check('sheet A submitted: the page says so',
		await stateShown(page) === 'submitted' &&
		await page.locator('p.notice[role="status"]').count() === 1);
	check('sheet A submitted: the server\'s page shows the values',
		JSON.stringify(await values(page)) === JSON.stringify(want[0]), await values(page));
	await checkAxe(page, 'submitted sheet');
	await stepDone(page, 'sheet-a-submitted');
	await goHome(page);
	await openSheet(page, b);
	check('sheet B: the server\'s page shows the values sent from the queue',
		JSON.stringify(await values(page)) === JSON.stringify(want[1]), await values(page));
	await navigate(page, () => page.locator('button[name="op"][value="submit"]').tap(),
		new RegExp(`^/entries/${b}/sheet\\?saved=submitted$`));
	check('sheet B submitted: the page says so', await stateShown(page) === 'submitted');
	await stepDone(page, 'sheet-b-submitted');

	// Home: both submitted.
	await goHome(page);
	const states = await homeStates(page);
	const label = states[String(a)];
	check('home: both entries listed as submitted',
		label !== undefined && label.startsWith('Đã nộp') && states[String(b)] === label,
		states);
	await checkAxe(page, 'home page after submitting');
	await stepDone(page, 'home-submitted');

	const done = await dbSheets(server, entries);
	checkSheet('entry A', done[a], 'submitted', want[0]);
	checkSheet('entry B', done[b], 'submitted', want[1]);
}

// ---- main -----------------------------------------------------------------

process.exitCode = await runTest({
	name: 'judge',
	binary: process.argv[2],
	usage: 'node tests/browser/judge.mjs BINARY',
	setup: (server) => server.cli(['demo']),
	contextOptions: { viewport: { width: 810, height: 1080 } },
	isExpected: (text, url) => offline &&
		(new URL(url, 'http://x').pathname.startsWith('/api/') ||
		 new URL(url, 'http://x').pathname === '/sw.js'),
	flow,
});
