// results.mjs: the organiser's way from judging to the public results,
// in Chromium on a 1280x900 screen: on the demo's technical-innovation
// edition (judging, some sheets submitted) lock every panel's round on
// the progress page, move the edition to results, compute the results,
// read the review page (ranks, prizes, the diagnostics unfolded), record a
// committee decision, post the list for objections, and open the public
// page as a visitor: the prized entries with their authors, no judge's
// name. Screenshots go to tests/browser/out/results-NN-step.png; axe-core
// checks the review and public pages.
//
// usage: node tests/browser/results.mjs BINARY
//
// Prints one line per check, then "browser: N passed, N failed"; exits 1
// on any failure.
import {
	check, checkAxe, dialogs, goto, navigate, run, runTest, stepDone,
} from './lib.mjs';

const ORGANISER = 'bantochuc';
const EDITION = 1; // the demo's technical-innovation edition, in judging

function isoDay(delta) {
	const d = new Date(Date.now() + delta * 86400000);
	return d.toISOString().slice(0, 10);
}

async function lockAll(page, base) {
	await goto(page, base, `/editions/${EDITION}/progress`);
	let forms = page.locator('form[action$="/lock"]:has(input[name=op][value=lock])');
	const n = await forms.count();
	check('the progress page offers to lock each panel', n >= 2, n);
	for (let i = 0; i < n; i++) {
		const f = page.locator('form[action$="/lock"]:has(input[name=op][value=lock])').first();
		await f.locator('input[name=reason]').fill('Hết thời gian chấm');
		await navigate(page, () => f.locator('button').click(),
			`/editions/${EDITION}/progress`);
	}
	forms = page.locator('form[action$="/lock"]:has(input[name=op][value=lock])');
	check('every panel locked', await forms.count() === 0);
	await stepDone(page, 'locked');
}

async function toResults(page, base) {
	await goto(page, base, `/editions/${EDITION}`);
	dialogs.length = 0;
	await navigate(page, () => page.click('form[action$="/advance"] button'),
		`/editions/${EDITION}`);
	check('the edition moves to results (after a confirmation)',
		dialogs.length === 1, dialogs);
	await goto(page, base, `/editions/${EDITION}/results`);
	check('no results yet', (await page.textContent('main')).includes('Chưa tính kết quả'));
	await navigate(page, () => page.click('form[action$="/results"] button'),
		new RegExp(`^/editions/${EDITION}/results\\?snapshot=\\d+$`));
	const rows = await page.locator('table.results tbody tr').count();
	check('the review page lists the ranked entries', rows >= 10, rows);
	const prizes = await page.locator('table.results tbody tr td:nth-child(4)')
		.allInnerTexts();
	check('some entries have a proposed prize',
		prizes.filter((p) => p.trim() !== '').length > 0, prizes.slice(0, 5));
	await page.locator('details.diagnostics summary').first().click();
	check('the diagnostics unfold, each explained',
		(await page.textContent('details.diagnostics')).includes('Krippendorff'));
	await checkAxe(page, 'review page');
	await stepDone(page, 'review');
}

async function decide(page) {
	const code = (await page.locator('table.results tbody tr td:nth-child(2) strong')
		.first().innerText()).trim();
	const f = page.locator('section.committee form');
	await f.locator('input[name=entry]').fill(code);
	await f.locator('select[name=kind]').selectOption('confirm');
	await f.locator('input[name=reason]').fill('Hội đồng thống nhất với kết quả chấm');
	await navigate(page, () => f.locator('button').click(), /results\?snapshot=\d+$/);
	check('the committee decision shows beside the computed prize',
		(await page.textContent('table.results')).includes('Hội đồng xác nhận'));
	await stepDone(page, 'decided');
	return code;
}

async function post(page) {
	const f = page.locator('section.posting form');
	await f.locator('input[name=from]').fill(isoDay(0));
	await f.locator('input[name=until]').fill(isoDay(10));
	dialogs.length = 0;
	await navigate(page, () => f.locator('button').click(), `/editions/${EDITION}/results`);
	check('posted (after a confirmation)', dialogs.length === 1 &&
		(await page.textContent('main')).includes('Đã niêm yết'), dialogs);
	await stepDone(page, 'posted');
}

async function visit(context, base, code) {
	const visitor = await context.browser()?.newContext?.() ?? null;
	const page = visitor ? await visitor.newPage() : await context.newPage();
	if (!visitor)
		await context.clearCookies();
	await goto(page, base, `/p/${EDITION}`);
	const text = await page.textContent('main');
	check('the public page, without logging in', text.includes('Danh sách đề nghị khen thưởng'));
	check('it lists the confirmed entry', text.includes(code), code);
	const judges = ['Nguyễn Văn Hùng', 'Trần Thị Lan', 'Bùi Văn Nam'];
	check('no judge\'s name on it', judges.every((n) => !text.includes(n)));
	await checkAxe(page, 'public page');
	await stepDone(page, 'public');
	await page.close();
}

process.exitCode = await runTest({
	name: 'results',
	binary: process.argv[2],
	usage: 'node tests/browser/results.mjs BINARY',
	setup: (server) => server.cli(['demo']),
	contextOptions: { viewport: { width: 1280, height: 900 } },
	flow: async (page, { base, server, context }) => {
		const link = await server.loginLink(ORGANISER);
		await page.goto(link, { waitUntil: 'load' });
		await navigate(page, () => page.click('form.enter button'), /^\/editions/);
		await lockAll(page, base);
		await toResults(page, base);
		const code = await decide(page);
		await post(page);
		await visit(context, base, code);
		void run;
	},
});
