// lib.mjs: what the browser tests share: checks and their counts, the
// server under test (the binary on a free port with a database of its own
// in a temporary directory), the browser's launch arguments, watching a
// page for problems, screenshots, navigation, touch-target and
// accessibility (axe-core) checks, and runTest, the frame of a test.
//
// env: CHROMIUM (default /usr/bin/chromium), BROWSER_TIMEOUT_MS (15000)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const OUT = path.join(HERE, 'out');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const TIMEOUT = Number(process.env.BROWSER_TIMEOUT_MS || 15000);
export const MIN_TOUCH = 44; // CSS px

// ---- checks ---------------------------------------------------------------

let passed = 0;
let failed = 0;

export function check(name, ok, detail) {
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

export function note(text) {
	console.log(`note ${text}`);
}

export function counts() {
	return { passed, failed };
}

// ---- the server -------------------------------------------------------------

export function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

// Runs a command to its end: its exit code and its output (both streams).
export function run(cmd, args, input) {
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

export function canConnect(port) {
	return new Promise((resolve) => {
		const s = net.connect({ host: '127.0.0.1', port });
		s.setTimeout(200);
		s.once('connect', () => { s.destroy(); resolve(true); });
		s.once('error', () => resolve(false));
		s.once('timeout', () => { s.destroy(); resolve(false); });
	});
}

export class Server {
	constructor(binary, dir) {
		this.binary = binary;
		this.dir = dir;
		this.db = path.join(dir, 'browser.db');
		this.logPath = path.join(dir, 'server.log');
		this.proc = null;
		this.exit = null;
		this.base = null;
	}

	// A subcommand on this server's database (--db is added after the
	// subcommand's words): its output; throws when it fails.
	async cli(words, options = [], input = '') {
		const r = await run(this.binary, [...words, '--db', this.db, ...options], input);
		if (r.code !== 0)
			throw new Error(`${words.join(' ')} exited ${r.code}: ${r.out}`);
		return r.out;
	}

	// An account with a password: role organiser, admin, or judge (with
	// its expert id).
	async addUser({ login, name, role, password, expert }) {
		const opts = ['--login', login, '--role', role, '--name', name];
		if (expert !== undefined)
			opts.push('--expert', String(expert));
		await this.cli(['user', 'add'], opts, `${password}\n`);
	}

	// A single-use login link for `login` on the running server.
	async loginLink(login) {
		const out = await this.cli(['login-link'], ['--login', login, '--base', this.base]);
		const m = /https?:\/\/\S+\/enter\?t=\S+/.exec(out);
		if (m === null)
			throw new Error(`no link in the output of login-link: ${out}`);
		return m[0];
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
			if (await canConnect(this.port)) {
				this.base = `http://127.0.0.1:${this.port}`;
				return this.base;
			}
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

export const LAUNCH_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu',
	'--disable-quic', '--no-first-run', '--disable-background-networking',
	'--disable-component-update', '--disable-sync'];

// Problems the page reported, by step; checked after every step. Those
// the test expects (watch's `expected` says which) go to `expected`
// instead, and are only noted.
export const problems = [];
export const expected = [];
export const dialogs = [];

// `isExpected(text, url)`, when given, tells a problem the test expects
// (a request failing while the browser is offline) from a real one.
export function watch(page, isExpected = () => false) {
	const report = (text, url) => {
		(isExpected(text, url) ? expected : problems).push(text);
	};
	page.on('console', (m) => {
		if (m.type() !== 'error')
			return;
		report(`console error: ${m.text()} (${m.location().url})`, m.location().url);
	});
	page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));
	page.on('requestfailed', (r) => {
		report(`request failed: ${r.method()} ${r.url()}: ${r.failure()?.errorText}`, r.url());
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
let prefix = '';

// Screenshots of this test are named PREFIX-NN-step.png; the previous
// run's are removed, the other tests' left alone.
export function screenshotPrefix(name) {
	prefix = name;
	shot = 0;
	fs.mkdirSync(OUT, { recursive: true });
	for (const f of fs.readdirSync(OUT))
		if (f.startsWith(`${name}-`) && f.endsWith('.png'))
			fs.rmSync(path.join(OUT, f));
}

export async function screenshot(page, step) {
	shot++;
	const file = `${prefix}-${String(shot).padStart(2, '0')}-${step}.png`;
	await page.screenshot({ path: path.join(OUT, file), fullPage: true });
	return file;
}

// Runs `action` (a click that submits or follows a link) and waits until
// the main frame has committed a new document and it has loaded; then
// checks that the browser is at `expect` (a path or a RegExp on path+query).
export async function navigate(page, action, expect) {
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

export async function goto(page, base, p) {
	const r = await page.goto(base + p, { waitUntil: 'load' });
	if (r === null || r.status() !== 200)
		throw new Error(`GET ${p}: HTTP ${r ? r.status() : '(none)'}`);
	return r;
}

// After each step: its screenshot, and whether the page stayed clean.
export async function stepDone(page, step) {
	const file = await screenshot(page, step);
	const mine = problems.splice(0);
	check(`${step}: no console error, exception or failed request (${file})`,
		mine.length === 0, mine.join('; '));
	const known = expected.splice(0);
	if (known.length > 0)
		note(`${step}: expected while offline: ${[...new Set(known)].join('; ')}`);
	await overflowNote(page, step);
}

export async function overflowNote(page, step) {
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

export async function checkTouch(page, where) {
	const bad = await smallTargets(page);
	const uniq = [...new Set(bad)];
	check(`${where}: every visible button and input is at least ${MIN_TOUCH} px tall`,
		bad.length === 0, `${bad.length} offender(s): ${uniq.slice(0, 12).join('; ')}`);
}

// The same measure on the other pages, reported but not counted.
export async function noteTouch(page, where) {
	const bad = [...new Set(await smallTargets(page))];
	if (bad.length > 0)
		note(`${where}: shorter than ${MIN_TOUCH} px: ${bad.join('; ')}`);
}

// ---- accessibility ----------------------------------------------------------

let axeSource = null;

// axe-core run in the page as it stands: no violation of impact serious
// or critical (each one printed with the elements at fault); the others
// are noted. The pages' CSP (script-src 'self') would refuse a script
// tag, so the source is evaluated through the DevTools protocol, which
// the CSP does not govern.
export async function checkAxe(page, where) {
	if (axeSource === null)
		axeSource = fs.readFileSync(path.join(HERE, 'node_modules', 'axe-core',
			'axe.min.js'), 'utf8');
	if (!await page.evaluate(() => window.axe !== undefined))
		await page.evaluate(axeSource);
	const found = await page.evaluate(async () => {
		const r = await window.axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map((v) => ({
			id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.map((n) => n.target.join(' ')),
		}));
	});
	const say = (v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.help}: ` +
		v.nodes.slice(0, 4).join(', ');
	const bad = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	for (const v of found)
		if (!bad.includes(v))
			note(`${where}: axe: ${say(v)}`);
	check(`${where}: axe-core finds no serious or critical violation`,
		bad.length === 0, bad.map(say).join('; '));
}

// ---- the frame of a test ----------------------------------------------------

// Starts the server on a fresh database (after `setup(server)`), opens a
// persistent chromium context with `contextOptions`, runs `flow(page,
// { base, server, context })`, stops everything, checks the server's
// exit and log, prints the summary; resolves to the exit code. The page
// is watched (see watch) from the start, with `isExpected`.
export async function runTest({ name, binary, usage, setup, contextOptions, isExpected,
	flow }) {
	if (!binary) {
		console.error(`usage: ${usage}`);
		return 2;
	}
	const started = Date.now();
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `giamkhao-${name}-`));
	screenshotPrefix(name);
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
		await setup(server);
		const base = await server.start();
		check('server started', true);
		context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
			executablePath: CHROMIUM,
			headless: true,
			args: LAUNCH_ARGS,
			deviceScaleFactor: 1,
			hasTouch: true,
			isMobile: false,
			locale: 'vi-VN',
			timezoneId: 'Asia/Ho_Chi_Minh',
			acceptDownloads: false,
			...contextOptions,
		});
		context.setDefaultTimeout(TIMEOUT);
		context.setDefaultNavigationTimeout(TIMEOUT);
		const page = context.pages()[0] ?? await context.newPage();
		watch(page, isExpected);
		try {
			await flow(page, { base, server, context });
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
