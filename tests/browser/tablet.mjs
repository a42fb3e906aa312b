// tablet.mjs: the organiser's flow in a real browser on a 1024x768 tablet
// viewport: log in, create an edition, import entries, decide eligibility,
// add experts and a panel, assign judges automatically, switch to English,
// log out. Debian's chromium driven by playwright-core (no browser
// download). Screenshots go to tests/browser/out/tablet-NN-step.png.
// The helpers are in lib.mjs.
//
// usage: node tests/browser/tablet.mjs BINARY
// env:   CHROMIUM (default /usr/bin/chromium), BROWSER_TIMEOUT_MS (15000)
//
// Prints one line per check, then "browser: N passed, N failed"; exits 1
// on any failure. Besides the flow it checks that no page logs a console
// error (CSP violations included) or an uncaught exception, that no
// request fails, and that every visible button and input of the edition
// and assignments pages is at least 44 CSS px tall.
import fs from 'node:fs';
import path from 'node:path';

import {
	HERE, check, checkTouch, dialogs, goto, navigate, noteTouch, problems,
	runTest, screenshot, stepDone,
} from './lib.mjs';

const FIXTURE = path.join(HERE, 'fixtures', 'entries.csv');
const PASSWORD = 'mat-khau-thu-nghiem';
const LOGIN = 'bantochuc';
const ORGANISER = 'Nguyễn Văn An';
const MIN_JUDGES = 3; // the technical-innovation preset's min_judges

const EDITION = {
	program: 'technical-innovation',
	number: '11',
	year_from: '2026',
	year_to: '2027',
	level: 'province',
	title: 'Hội thi Sáng tạo Kỹ thuật tỉnh Hà Giang lần thứ 11',
	submit_until: '2026-12-31',
	judging_until: '2027-01-31',
	posting_from: '2027-02-01',
	posting_until: '2027-02-15',
	org_name: 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hà Giang',
	org_province: 'Hà Giang',
	signatory: 'Trần Văn Bình',
	signatory_title: 'Chủ tịch',
};

// Units differ from every entering organisation and author unit of the
// fixture, so that no automatic conflict of interest arises.
const EXPERTS = [
	{ name: 'PGS.TS Nguyễn Văn Hùng', title: 'Phó Giáo sư, Tiến sĩ',
	  unit: 'Trường Đại học Kỹ thuật Công nghiệp Thái Nguyên',
	  fields: 'Điện tử, tự động hóa', email: 'nvhung@example.vn',
	  phone: '0912 345 678' },
	{ name: 'TS Trần Thị Lan', title: 'Tiến sĩ',
	  unit: 'Sở Khoa học và Công nghệ tỉnh Hà Giang',
	  fields: 'Quản lý khoa học', email: 'ttlan@example.vn',
	  phone: '0219 3867 123' },
	{ name: 'ThS Lê Minh Tuấn', title: 'Thạc sĩ',
	  unit: 'Sở Thông tin và Truyền thông tỉnh Hà Giang',
	  fields: 'Phần mềm, chuyển đổi số', email: 'lmtuan@example.vn',
	  phone: '0988 111 222' },
	{ name: 'KS Phạm Quốc Việt', title: 'Kỹ sư',
	  unit: 'Viễn thông Hà Giang', fields: 'Viễn thông, mạng',
	  email: 'pqviet@example.vn', phone: '0977 333 444' },
	{ name: 'TS Hoàng Thu Hà', title: 'Tiến sĩ',
	  unit: 'Trường Cao đẳng Kỹ thuật – Công nghệ Hà Giang',
	  fields: 'IoT, hệ thống nhúng', email: 'htha@example.vn',
	  phone: '0966 555 666' },
];
const PANEL = 'Tiểu ban Công nghệ thông tin, điện tử, viễn thông';

// ---- the flow -------------------------------------------------------------

async function flow(page, base) {
	let editionPath;

	// Log in.
	await goto(page, base, '/login');
	const login = page.locator('form[action="/login"]');
	await login.locator('[name="login"]').fill(LOGIN);
	await login.locator('[name="password"]').fill(PASSWORD);
	check('login page is Vietnamese', await page.getAttribute('html', 'lang') === 'vi');
	await noteTouch(page, 'login page');
	await screenshot(page, 'login');
	await navigate(page, () => login.locator('button[type="submit"]').click(), '/editions');
	check('logged in: the organiser\'s name in the header',
		(await page.locator('header.bar .who').innerText()).trim() === ORGANISER);
	await stepDone(page, 'editions');

	// Create the edition.
	await navigate(page, () => page.locator('a[href="/editions/new"]').click(), '/editions/new');
	const form = page.locator('form[action="/editions/new"]');
	await form.locator('select[name="program"]').selectOption(EDITION.program);
	await form.locator('select[name="level"]').selectOption(EDITION.level);
	for (const [name, value] of Object.entries(EDITION)) {
		if (name !== 'program' && name !== 'level')
			await form.locator(`input[name="${name}"]`).fill(value);
	}
	await noteTouch(page, 'new-edition form');
	await stepDone(page, 'edition-form');
	const u = await navigate(page, () => form.locator('button[type="submit"]').click(),
		/^\/editions\/\d+$/);
	editionPath = u.pathname;
	check('edition created: its page shows the title',
		(await page.locator('main h1').innerText()).trim() === EDITION.title);
	const advance = page.locator(`form[action="${editionPath}/advance"]`);
	check('edition starts as a draft',
		await advance.locator('input[name="from"]').inputValue() === 'draft');
	await stepDone(page, 'edition-draft');

	// Draft -> receiving (app.js asks first: the dialog is accepted).
	dialogs.length = 0;
	await navigate(page, () => advance.locator('button[type="submit"]').click(), editionPath);
	check('advancing asks for confirmation (app.js loaded, CSP allows it)',
		dialogs.length === 1 && dialogs[0].startsWith('confirm'), dialogs);
	check('edition is receiving entries',
		await advance.locator('input[name="from"]').inputValue() === 'receiving');
	await stepDone(page, 'edition-receiving');

	// The rubric editor: raise the first prize, save a new version.
	await navigate(page, () => page.locator(`a[href="${editionPath}/rubric"]`).click(),
		`${editionPath}/rubric`);
	const rub = page.locator(`form[action="${editionPath}/rubric"]`);
	check('rubric editor shows the preset\'s criteria',
		await rub.locator('input[name="c0_id"]').inputValue() === 'novelty');
	await rub.locator('input[name="t0_prize"]').fill('45000000');
	await rub.locator('textarea[name="reason"]').fill('Nhà tài trợ tăng giải Nhất');
	await noteTouch(page, 'rubric editor');
	await navigate(page, () => rub.locator('button[type="submit"]').click(),
		`${editionPath}/rubric`);
	check('rubric saved as version 2 with the new prize',
		(await page.locator('main').innerText()).includes('Phiên bản 2') &&
		await rub.locator('input[name="t0_prize"]').inputValue() === '45000000');
	await stepDone(page, 'rubric');
	await navigate(page, () => page.locator('.crumbs a').first().click(), editionPath);

	// Import the fixture.
	await navigate(page, () => page.locator(`a[href="${editionPath}/entries"]`).first().click(),
		`${editionPath}/entries`);
	const fixture = fs.readFileSync(FIXTURE);
	const tpl = await page.request.get(`${base}${editionPath}/entries-template.csv`);
	const header = (b) => b.toString('utf8').split('\r\n')[0];
	check('the fixture\'s header is the template\'s',
		tpl.status() === 200 && header(await tpl.body()) === header(fixture),
		`${tpl.status()} ${header(await tpl.body())}`);
	await navigate(page, () => page.locator(`a[href="${editionPath}/import"]`).click(),
		`${editionPath}/import`);
	const imp = page.locator(`form[action="${editionPath}/import"]`);
	await imp.locator('input[type="file"][name="file"]').setInputFiles(FIXTURE);
	await stepDone(page, 'import');
	await navigate(page, () => imp.locator('button[type="submit"]').click(),
		`${editionPath}/entries`);
	const codes = [...new Set(fixture.toString('utf8').split('\r\n').slice(1)
		.map((l) => l.split(',')[0]).filter((c) => c))];
	const rows = page.locator('main table tbody tr');
	const listed = (await rows.locator('td:first-child').allInnerTexts()).map((s) => s.trim());
	check(`entries list shows the ${codes.length} imported entries`,
		listed.length === codes.length && codes.every((c) => listed.includes(c)),
		{ listed, codes });
	const text = await page.locator('main').innerText();
	check('entries list shows titles and first authors (diacritics intact)',
		['Giàng A Páo', 'Hoàng Thị Lả', 'Triệu Văn Mìn',
		 'Ứng dụng di động tra cứu thủ tục hành chính bằng tiếng Mông']
			.every((s) => text.includes(s)));
	await stepDone(page, 'entries');
	const entryPaths = await rows.locator('a[href^="/entries/"]').evaluateAll(
		(as) => as.map((a) => a.getAttribute('href')));

	// Receiving -> eligibility.
	await navigate(page, () => page.locator('.crumbs a').first().click(), editionPath);
	await navigate(page, () => advance.locator('button[type="submit"]').click(), editionPath);
	check('edition is at the eligibility check',
		await advance.locator('input[name="from"]').inputValue() === 'eligibility');
	await checkTouch(page, 'edition page');
	await stepDone(page, 'edition-eligibility');

	// Every entry eligible.
	let decided = 0;
	for (const [i, p] of entryPaths.entries()) {
		await goto(page, base, p);
		const f = page.locator(`form[action="${p}/eligibility"]`);
		await f.locator('input[name="decision"][value="eligible"]').check();
		await f.locator('textarea[name="reason"]').fill('Đủ điều kiện theo thể lệ Hội thi');
		await navigate(page, () => f.locator('button[type="submit"]').click(), p);
		if (await page.locator('main span.state.eligible').count() > 0)
			decided++;
		if (i === 0) {
			await noteTouch(page, 'entry page');
			await stepDone(page, 'entry-eligible');
		}
	}
	check(`every entry marked eligible (${decided}/${entryPaths.length})`,
		decided === entryPaths.length && decided > 0);
	await goto(page, base, `${editionPath}/entries`);
	check('the entries list shows them all eligible',
		await page.locator('main table tbody span.state.eligible').count() === codes.length);
	await stepDone(page, 'entries-eligible');

	// Five experts.
	await navigate(page, () => page.locator('header.bar a[href="/experts"]').click(), '/experts');
	for (const x of EXPERTS) {
		const f = page.locator('form[action="/experts/new"]');
		for (const [name, value] of Object.entries(x))
			await f.locator(`[name="${name}"]`).fill(value);
		await navigate(page, () => f.locator('button[type="submit"]').click(), '/experts');
	}
	const experts = (await page.locator('main table tbody tr td:first-child').allInnerTexts())
		.map((s) => s.trim());
	check(`${EXPERTS.length} experts listed`,
		EXPERTS.every((x) => experts.includes(x.name)), experts);
	await noteTouch(page, 'experts page');
	await stepDone(page, 'experts');

	// A panel for the field ict with all of them.
	await goto(page, base, `${editionPath}/panels`);
	const pf = page.locator(`form[action="${editionPath}/panels/new"]`);
	await pf.locator('input[name="name"]').fill(PANEL);
	await pf.locator('input[name="field"][value="ict"]').check();
	await pf.locator('select[name="chair"]').selectOption({ label: EXPERTS[0].name });
	const members = pf.locator('input[name="member"]');
	for (let i = 0, n = await members.count(); i < n; i++)
		await members.nth(i).check();
	await navigate(page, () => pf.locator('button[type="submit"]').click(),
		`${editionPath}/panels`);
	const panel = page.locator('section.panel').filter({ hasText: PANEL });
	const panelText = await panel.count() === 1 ? await panel.innerText() : '';
	check('panel created with its chair and all experts as members',
		EXPERTS.every((x) => panelText.includes(x.name)) &&
		panelText.split(EXPERTS[0].name).length >= 3, panelText);
	await noteTouch(page, 'panels page');
	await stepDone(page, 'panel');

	// Automatic assignment.
	await navigate(page, () => page.locator(`a[href="${editionPath}/assignments"]`).first().click(),
		`${editionPath}/assignments`);
	await navigate(page,
		() => page.locator(`form[action="${editionPath}/assign"] button[type="submit"]`).click(),
		`${editionPath}/assignments`);
	const grid = page.locator('table.assign tbody tr');
	const marks = await grid.evaluateAll((trs) => trs.map((tr) => ({
		entry: tr.querySelector('th').textContent.trim().slice(0, 40),
		n: [...tr.querySelectorAll('td.cell')].filter((td) => td.textContent.trim() === '●').length,
	})));
	check(`the grid has a row per entry (${marks.length})`, marks.length === codes.length);
	check(`every entry row has at least ${MIN_JUDGES} ● marks`,
		marks.length > 0 && marks.every((m) => m.n >= MIN_JUDGES),
		marks.filter((m) => m.n < MIN_JUDGES));
	const warnings = await page.locator('ul.status li.warning').allInnerTexts();
	check('no status warning', warnings.length === 0, warnings);
	const ok = await page.locator('ul.status li').allInnerTexts();
	check('the status says every entry has its judges',
		ok.length === 1 && ok[0].startsWith('Mỗi hồ sơ đủ số giám khảo'), ok);
	await checkTouch(page, 'assignments page');
	await stepDone(page, 'assignments');

	// English.
	await navigate(page, () => page.locator('header.bar a.lang[href*="lang=en"]').click(),
		/^\/editions\/\d+\/assignments\?lang=en$/);
	const h1 = (await page.locator('main h1').innerText()).trim();
	const status = (await page.locator('ul.status li').first().innerText()).trim();
	const logout = (await page.locator('form.logout button').innerText()).trim();
	check('switched to English', await page.getAttribute('html', 'lang') === 'en' &&
		h1 === 'Assignments' && logout === 'Log out' && /^Every entry has its judges/.test(status),
		{ h1, status, logout });
	await stepDone(page, 'assignments-en');

	// Log out.
	await navigate(page, () => page.locator('form.logout button[type="submit"]').click(), '/login');
	check('logged out: the login form is back',
		await page.locator('form[action="/login"] input[name="password"]').isVisible());
	await stepDone(page, 'logged-out');
	const r = await page.goto(`${base}${editionPath}`, { waitUntil: 'load' });
	check('after logging out the edition page leads to the login page',
		new URL(page.url()).pathname === '/login' && r.status() === 200);
	const last = problems.splice(0);
	check('no console error or failed request at the end', last.length === 0,
		last.join('; '));
}

// ---- main -----------------------------------------------------------------

process.exitCode = await runTest({
	name: 'tablet',
	binary: process.argv[2],
	usage: 'node tests/browser/tablet.mjs BINARY',
	setup: (server) => server.addUser({ login: LOGIN, role: 'organiser',
		name: ORGANISER, password: PASSWORD }),
	contextOptions: { viewport: { width: 1024, height: 768 } },
	flow: (page, { base }) => flow(page, base),
});
