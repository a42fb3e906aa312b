// tablet.mjs: the organiser's flow in a real browser on a 1024x768 tablet
// viewport: log in, create an edition, import entries, decide eligibility,
// add experts and a panel, assign judges automatically, switch to English,
// log out. Debian's chromium driven by playwright-core (no browser
// download). Screenshots go to tests/browser/out/NN-step.png.
//
// usage: node tests/browser/tablet.mjs BINARY
// env:   CHROMIUM (default /usr/bin/chromium), BROWSER_TIMEOUT_MS (15000)
//
// Prints one line per check, then "browser: N passed, N failed"; exits 1
// on any failure. Besides the flow it checks that no page logs a console
// error (CSP violations included) or an uncaught exception, that no
// request fails, and that every visible button and input of the edition
// and assignments pages is at least 44 CSS px tall.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'out');
const FIXTURE = path.join(HERE, 'fixtures', 'entries.csv');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = Number(process.env.BROWSER_TIMEOUT_MS || 15000);
const PASSWORD = 'mat-khau-thu-nghiem';
const LOGIN = 'bantochuc';
const ORGANISER = 'Nguyễn Văn An';
const MIN_TOUCH = 44; // CSS px
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

// ---- checks ---------------------------------------------------------------

let passed = 0;
let failed = 0;

function check(name, ok, detail) {
	if (ok) {
		passed++;
		console.log(`ok   ${name}`);
	} else {
		failed++;
		const d = detail === undefined ? '' :
		          `: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`;
		console.log(`FAIL ${name}${d}`);
	}
	return ok;
}

function note(text) {
	console.log(`note ${text}`);
}

// ---- the server -------------------------------------------------------------

function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

function run(cmd, args, input) {
	return new Promise((resolve, reject) => {
		const p = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
		let out = '';
		p.stdout.on('data', (d) => { out += d; });
		p.stderr.on('data', (d) => { out += d; });
		p.once('error', reject);
		p.once('close', (code) => resolve({ code, out }));
		p.stdin.end(input);
	});
}

function canConnect(port) {
	return new Promise((resolve) => {
		const s = net.connect({ host: '127.0.0.1', port });
		s.setTimeout(200);
		s.once('connect', () => { s.destroy(); resolve(true); });
		s.once('error', () => resolve(false));
		s.once('timeout', () => { s.destroy(); resolve(false); });
	});
}

class Server {
	constructor(binary, dir) {
		this.binary = binary;
		this.dir = dir;
		this.db = path.join(dir, 'browser.db');
		this.logPath = path.join(dir, 'server.log');
		this.proc = null;
		this.exit = null;
	}

	async addOrganiser() {
		const r = await run(this.binary, ['user', 'add', '--db', this.db,
			'--login', LOGIN, '--role', 'organiser', '--name', ORGANISER],
		`${PASSWORD}\n`);
		if (r.code !== 0)
			throw new Error(`user add exited ${r.code}: ${r.out}`);
	}

	async start() {
		this.port = await freePort();
		const log = fs.openSync(this.logPath, 'a');
		this.proc = spawn(this.binary, ['serve', '--db', this.db, '--listen',
			`127.0.0.1:${this.port}`], { stdio: ['ignore', log, log] });
		fs.closeSync(log);
		this.exit = new Promise((resolve) => {
			this.proc.once('exit', (code, signal) => resolve({ code, signal }));
			this.proc.once('error', (err) => resolve({ code: null, signal: null, err }));
		});
		this.exited = null;
		this.exit.then((e) => { this.exited = e; });
		const deadline = Date.now() + 10000;
		while (Date.now() < deadline) {
			if (this.exited)
				throw new Error(`server exited early: ${this.log()}`);
			if (await canConnect(this.port))
				return `http://127.0.0.1:${this.port}`;
			await new Promise((r) => setTimeout(r, 25));
		}
		throw new Error('server did not accept connections within 10 s');
	}

	// SIGTERM, then the exit status (SIGKILL after 20 s).
	async stop() {
		if (this.proc === null)
			return null;
		const p = this.proc;
		this.proc = null;
		if (this.exited === null)
			p.kill('SIGTERM');
		let timer;
		const late = new Promise((resolve) => {
			timer = setTimeout(() => { p.kill('SIGKILL'); resolve(null); }, 20000);
		});
		const e = await Promise.race([this.exit, late]);
		clearTimeout(timer);
		return e ?? await this.exit;
	}

	log(tail = 3000) {
		try {
			return fs.readFileSync(this.logPath, 'utf8').slice(-tail);
		} catch {
			return '';
		}
	}
}

// ---- the browser ----------------------------------------------------------

const LAUNCH_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu',
	'--disable-quic', '--no-first-run', '--disable-background-networking',
	'--disable-component-update', '--disable-sync'];

// Problems the page reported, by step; checked after every step.
const problems = [];
let dialogs = [];

function watch(page) {
	page.on('console', (m) => {
		if (m.type() !== 'error')
			return;
		problems.push(`console error: ${m.text()} (${m.location().url})`);
	});
	page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));
	page.on('requestfailed', (r) => {
		problems.push(`request failed: ${r.method()} ${r.url()}: ${r.failure()?.errorText}`);
	});
	page.on('response', (r) => {
		if (r.status() >= 400)
			problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
	});
	page.on('dialog', (d) => {
		dialogs.push(`${d.type()}: ${d.message()}`);
		d.accept().catch(() => {});
	});
}

let shot = 0;

async function screenshot(page, step) {
	shot++;
	const file = `${String(shot).padStart(2, '0')}-${step}.png`;
	await page.screenshot({ path: path.join(OUT, file), fullPage: true });
	return file;
}

// Runs `action` (a click that submits or follows a link) and waits until
// the main frame has committed a new document and it has loaded; then
// checks that the browser is at `expect` (a path or a RegExp on path+query).
async function navigate(page, action, expect) {
	const committed = page.waitForEvent('framenavigated', {
		predicate: (f) => f === page.mainFrame(),
	});
	await action();
	try {
		await committed;
	} catch (e) {
		// Nothing was sent: say which fields the browser found invalid.
		const invalid = await page.locator(':invalid:not(form)').evaluateAll(
			(els) => els.map((el) => `${el.name}: ${el.validationMessage}`));
		throw new Error(`no navigation towards ${expect} from ${page.url()}` +
			(invalid.length ? `; invalid fields: ${invalid.join(', ')}` : '') +
			` (${e.message.split('\n')[0]})`);
	}
	await page.waitForLoadState('load');
	const u = new URL(page.url());
	const where = u.pathname + u.search;
	const ok = typeof expect === 'string' ? u.pathname === expect : expect.test(where);
	if (!ok) {
		const errors = await page.locator('.notice.error, p.error').allInnerTexts();
		throw new Error(`expected ${expect}, at ${where}` +
			(errors.length ? `; the page says: ${errors.join(' | ')}` : ''));
	}
	return u;
}

async function goto(page, base, p) {
	const r = await page.goto(base + p, { waitUntil: 'load' });
	if (r === null || r.status() !== 200)
		throw new Error(`GET ${p}: HTTP ${r ? r.status() : '(none)'}`);
}

// After each step: its screenshot, and whether the page stayed clean.
async function stepDone(page, step) {
	const file = await screenshot(page, step);
	const mine = problems.splice(0);
	check(`${step}: no console error, exception or failed request (${file})`,
		mine.length === 0, mine.join('; '));
	await overflowNote(page, step);
}

async function overflowNote(page, step) {
	const o = await page.evaluate(() => {
		const vw = document.documentElement.clientWidth;
		const sw = document.documentElement.scrollWidth;
		const wide = [];
		for (const el of document.querySelectorAll('table, form, pre, img')) {
			const r = el.getBoundingClientRect();
			if (r.right > vw + 1)
				wide.push(`${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''} to ${Math.round(r.right)}px`);
		}
		return { vw, sw, wide };
	});
	if (o.sw > o.vw)
		note(`${step}: the page scrolls sideways: ${o.sw}px wide in a ${o.vw}px viewport (${o.wide.slice(0, 3).join(', ')})`);
}

// Visible buttons and inputs shorter than MIN_TOUCH; a checkbox or radio
// counts by its label, which is its touch target.
async function smallTargets(page) {
	return page.evaluate((min) => {
		const bad = [];
		const sel = 'button, input:not([type="hidden"]), select, textarea';
		for (const el of document.querySelectorAll(sel)) {
			const cs = getComputedStyle(el);
			let r = el.getBoundingClientRect();
			if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden')
				continue;
			if ((el.type === 'checkbox' || el.type === 'radio') && el.closest('label'))
				r = el.closest('label').getBoundingClientRect();
			if (r.height + 0.01 < min) {
				const what = el.tagName.toLowerCase() +
					(el.name ? `[name=${el.name}]` : '') +
					((el.type === 'checkbox' || el.type === 'radio') ? `[value=${el.value}]` : '') +
					(el.textContent.trim() ? ` "${el.textContent.trim().slice(0, 30)}"` : '');
				bad.push(`${what} ${Math.round(r.width)}x${Math.round(r.height * 10) / 10}`);
			}
		}
		return bad;
	}, MIN_TOUCH);
}

async function checkTouch(page, where) {
	const bad = await smallTargets(page);
	const uniq = [...new Set(bad)];
	check(`${where}: every visible button and input is at least ${MIN_TOUCH} px tall`,
		bad.length === 0, `${bad.length} offender(s): ${uniq.slice(0, 12).join('; ')}`);
}

// The same measure on the other pages, reported but not counted.
async function noteTouch(page, where) {
	const bad = [...new Set(await smallTargets(page))];
	if (bad.length > 0)
		note(`${where}: shorter than ${MIN_TOUCH} px: ${bad.join('; ')}`);
}

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
	dialogs = [];
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

async function main() {
	const binary = process.argv[2];
	if (!binary) {
		console.error('usage: node tests/browser/tablet.mjs BINARY');
		return 2;
	}
	const started = Date.now();
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'giamkhao-browser-'));
	fs.mkdirSync(OUT, { recursive: true });
	for (const f of fs.readdirSync(OUT))
		if (f.endsWith('.png'))
			fs.rmSync(path.join(OUT, f));
	const server = new Server(path.resolve(binary), tmp);
	let context = null;
	// Interrupted: no server left behind (playwright closes the browser).
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.once(sig, () => {
			server.proc?.kill('SIGTERM');
			fs.rmSync(tmp, { recursive: true, force: true });
			process.exit(130);
		});
	}
	try {
		let chromium;
		try {
			({ chromium } = await import('playwright-core'));
		} catch (e) {
			check('playwright-core is installed (make deps)', false, e.message);
			return 1;
		}
		if (!check(`chromium at ${CHROMIUM}`, fs.existsSync(CHROMIUM)))
			return 1;
		await server.addOrganiser();
		const base = await server.start();
		check('server started', true);
		context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
			executablePath: CHROMIUM,
			headless: true,
			args: LAUNCH_ARGS,
			viewport: { width: 1024, height: 768 },
			deviceScaleFactor: 1,
			hasTouch: true,
			isMobile: false,
			locale: 'vi-VN',
			timezoneId: 'Asia/Ho_Chi_Minh',
			acceptDownloads: false,
		});
		context.setDefaultTimeout(TIMEOUT);
		context.setDefaultNavigationTimeout(TIMEOUT);
		const page = context.pages()[0] ?? await context.newPage();
		watch(page);
		try {
			await flow(page, base);
		} catch (e) {
			check('the flow ran to the end', false, e.message.split('\n')[0]);
			try {
				await screenshot(page, 'failure');
			} catch { /* the page may be gone */ }
		}
	} catch (e) {
		check('setup', false, e.message);
	} finally {
		if (context !== null)
			await context.close().catch(() => {});
		const e = await server.stop();
		if (e !== null) {
			check('server stopped by SIGTERM with status 0',
				e.code === 0, `${JSON.stringify(e)} ${server.log()}`);
			const log = server.log(Infinity);
			check('no sanitizer report in the server log',
				!/(ERROR|SUMMARY): (Address|Leak|UndefinedBehavior)Sanitizer|runtime error:/
					.test(log), log.slice(0, 3000));
		}
		if (failed > 0)
			console.log(`server log (tail):\n${server.log()}`);
		fs.rmSync(tmp, { recursive: true, force: true });
	}
	console.log(`browser: ${((Date.now() - started) / 1000).toFixed(1)} s, screenshots in ${path.relative(process.cwd(), OUT) || '.'}`);
	console.log(`browser: ${passed} passed, ${failed} failed`);
	return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
