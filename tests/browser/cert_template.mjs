// cert_template.mjs: the organiser's certificate template page in Chromium
// on a 1280x900 screen, on the demo's decided youth contest (18
// certificates issued): from the certificates page to the template page;
// the live preview (no click) posts the typed heading into the frame as a
// PDF that says it, storing nothing; a new colour and a seal PNG are saved
// (the database holds them); choosing a prize switches the page by itself
// to that prize, which uses the program's template; a heading too long is
// refused (422, the field marked, nothing stored); the preview and save
// buttons are big enough to tap. Screenshots go to
// tests/browser/out/cert_template-NN-step.png; axe-core checks the page
// and its error page.
//
// usage: node tests/browser/cert_template.mjs BINARY
//
// Prints one line per check, then "browser: N passed, N failed"; exits 1
// on any failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {
	check, checkAxe, expected, MIN_TOUCH, navigate, noteTouch, problems, run, runTest,
	stepDone,
} from './lib.mjs';

const EDITION = 6; // the demo's decided youth contest
const PAGE = `/editions/${EDITION}/certificates/template`;
const HEADING = 'BẰNG KHEN';
const COLOUR = '#1c5fa6';

const DB_READ = `
import json, sqlite3, sys
c = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
rows = c.execute('SELECT prize, heading, colour, length(seal) FROM cert_templates'
                 ' ORDER BY prize').fetchall()
print(json.dumps(rows))
`;

async function templates(server) {
	const r = await run('python3', ['-c', DB_READ, server.db]);
	if (r.code !== 0)
		throw new Error(`reading the database: ${r.out}`);
	return JSON.parse(r.out);
}

// A 64x64 RGBA PNG: a red ring on a transparent ground, as a seal is.
function sealPng() {
	const table = [];
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++)
			c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
		table.push(c >>> 0);
	}
	const crc = (b) => {
		let c = 0xFFFFFFFF;
		for (const x of b)
			c = table[(c ^ x) & 0xFF] ^ (c >>> 8);
		return (c ^ 0xFFFFFFFF) >>> 0;
	};
	const chunk = (type, data) => {
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const sum = Buffer.alloc(4);
		sum.writeUInt32BE(crc(body));
		return Buffer.concat([len, body, sum]);
	};
	const W = 64;
	const raw = Buffer.alloc(W * (1 + W * 4));
	for (let y = 0; y < W; y++)
		for (let x = 0; x < W; x++) {
			const d = Math.hypot(x - 31.5, y - 31.5);
			const o = y * (1 + W * 4) + 1 + x * 4;
			if (d > 24 && d < 30)
				raw.set([0xC0, 0x1C, 0x1C, 0xFF], o);
		}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(W, 0);
	ihdr.writeUInt32BE(W, 4);
	ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
		chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0))]);
}

// Chromium's PDF viewer (an extension) shows the frame's PDF; its own
// requests are cut short as the frame moves on: not the page's problem
// (watch sets them apart; they are dropped, not noted as "offline").
const VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

async function done(page, step) {
	expected.length = 0;
	await stepDone(page, step);
}

const isPreview = (r) => r.request().method() === 'POST' &&
	new URL(r.url()).pathname === `${PAGE}/preview`;

async function open(page, base, server) {
	await page.goto(await server.loginLink('bantochuc'), { waitUntil: 'load' });
	await navigate(page, () => page.click('form.enter button'), /^\/editions/);
	await page.goto(`${base}/editions/${EDITION}/certificates`, { waitUntil: 'load' });
	const link = page.getByRole('link', { name: 'Mẫu giấy chứng nhận' });
	await navigate(page, () => link.click(), PAGE);
	const text = await page.textContent('main');
	check('the template page, showing the built-in look',
		text.includes('Đang hiện mẫu có sẵn'), text.slice(0, 300));
	check('the frame starts with the stored look\'s PDF',
		(await page.locator('iframe[name=tpl-preview]').getAttribute('src')) ===
		`${PAGE}.pdf?p=0#navpanes=0`);
	await checkAxe(page, 'template page');
	await done(page, 'template');
}

// Chromium's PDF viewer takes the frame's response over (its body, as
// the page sees it, is the viewer's HTML): the preview's PDF is read on
// its way, through a route that passes it on unchanged.
async function capturePdf(page) {
	let resolve;
	const body = new Promise((r) => { resolve = r; });
	await page.route(`**${PAGE}/preview`, async (route) => {
		const res = await route.fetch();
		resolve(await res.body());
		await route.fulfill({ response: res });
		await page.unroute(`**${PAGE}/preview`);
	}, { times: 1 });
	return { body }; // wrapped: an async function would wait for it
}

async function livePreview(page, server, tmp) {
	const answered = page.waitForResponse(isPreview);
	const { body: pdf } = await capturePdf(page);
	await page.locator('#f-heading').fill(HEADING);
	const r = await answered;
	check('typing posts the preview by itself: 200 application/pdf',
		r.status() === 200 && r.headers()['content-type'] === 'application/pdf',
		`${r.status()} ${r.headers()['content-type']}`);
	const file = path.join(tmp, 'preview.pdf');
	fs.writeFileSync(file, await pdf);
	const t = await run('pdftotext', [file, '-']);
	check('the preview PDF prints the heading typed',
		t.code === 0 && t.out.includes(HEADING), t.out.slice(0, 300));
	await page.waitForLoadState('load');
	const frame = page.frame({ name: 'tpl-preview' });
	check('the preview is shown in the frame',
		frame !== null && frame.url().endsWith(`${PAGE}/preview`), frame?.url());
	const rows = await templates(server);
	check('a preview stores nothing', rows.length === 0, rows);
	await done(page, 'live-preview');
}

async function save(page, server, tmp) {
	const png = sealPng();
	fs.writeFileSync(path.join(tmp, 'seal.png'), png);
	await page.locator('#f-colour').fill(COLOUR);
	const answered = page.waitForResponse(isPreview);
	await page.locator('#f-seal').setInputFiles(path.join(tmp, 'seal.png'));
	const r = await answered;
	check('the preview with the seal: 200 application/pdf',
		r.status() === 200 && r.headers()['content-type'] === 'application/pdf',
		`${r.status()} ${r.headers()['content-type']}`);
	await navigate(page, () => page.getByRole('button', { name: 'Lưu mẫu' }).click(),
		new RegExp(`^${PAGE}\\?p=0&done=saved$`));
	const text = await page.textContent('main');
	check('saved: the page says so', text.includes('Đã lưu mẫu'), text.slice(0, 300));
	check('the saved template is shown, with its seal',
		text.includes('Đang hiện mẫu đã lưu') &&
		text.includes('Mẫu đang có ảnh con dấu') &&
		await page.locator('#f-heading').inputValue() === HEADING &&
		await page.locator('#f-colour').inputValue() === COLOUR);
	const rows = await templates(server);
	check('the database holds the program\'s template: heading, colour, seal',
		rows.length === 1 && rows[0][0] === '' && rows[0][1] === HEADING &&
		rows[0][2] === 0x1C5FA6 && rows[0][3] === png.length,
		{ rows, png: png.length });
	await done(page, 'saved');
}

async function choosePrize(page) {
	await navigate(page, () => page.locator('#f-p').selectOption({ label: 'Giải Nhất' }),
		new RegExp(`^${PAGE}\\?p=\\d+$`));
	const text = await page.textContent('main');
	check('choosing a prize switches the page by itself; it uses the program\'s template',
		text.includes('dùng mẫu chung') &&
		(await page.locator('#f-p option:checked').innerText()) === 'Giải Nhất',
		text.slice(0, 400));
	check('its form starts from the program\'s template',
		await page.locator('#f-heading').inputValue() === HEADING);
	await page.waitForLoadState('networkidle'); // the frame's PDF, read to its end
	await done(page, 'prize');
}

async function refused(page, server) {
	const heading = page.locator('#f-heading');
	await heading.evaluate((el) => el.removeAttribute('maxlength'));
	await heading.fill('Ư'.repeat(121));
	const saveButton = page.getByRole('button', { name: 'Lưu mẫu' });
	await navigate(page, () => saveButton.click(), PAGE);
	// the 422s expected: the refused save, and the live preview if it ran
	const said = problems.splice(0);
	const is422 = (p, to) => p.startsWith('HTTP 422: POST ') && p.endsWith(to);
	const logged = (p) => p.startsWith('console error: Failed to load resource: ' +
		'the server responded with a status of 422') && p.endsWith(`${PAGE})`);
	check('the refused save answers 422', said.some((p) => is422(p, PAGE)), said);
	problems.push(...said.filter((p) => !is422(p, PAGE) && !is422(p, `${PAGE}/preview`) &&
		!logged(p)));
	const text = await page.textContent('main');
	check('121 characters: "Chưa lưu", the heading marked invalid',
		text.includes('Chưa lưu') &&
		await heading.getAttribute('aria-invalid') === 'true', text.slice(0, 300));
	const rows = await templates(server);
	check('nothing stored for the prize', rows.length === 1 && rows[0][0] === '', rows);
	await checkAxe(page, 'refused page');
	await done(page, 'refused');
}

async function touch(page) {
	for (const name of ['Xem trước', 'Lưu mẫu']) {
		const box = await page.getByRole('button', { name }).boundingBox();
		check(`the "${name}" button is at least ${MIN_TOUCH} px tall`,
			box !== null && box.height + 0.01 >= MIN_TOUCH, box);
	}
	await noteTouch(page, 'template page');
}

process.exitCode = await runTest({
	name: 'cert_template',
	binary: process.argv[2],
	usage: 'node tests/browser/cert_template.mjs BINARY',
	setup: (server) => server.cli(['demo']),
	contextOptions: { viewport: { width: 1280, height: 900 } },
	/* the PDF viewer's own requests, and a preview still loading in the
	 * frame when the page moves on (choosing another prize navigates at
	 * once): the browser aborts it, as it should */
	isExpected: (text, url) => url.startsWith(VIEWER) ||
		(/\/certificates\/template(\.pdf|\/preview)/.test(url) &&
		 text.includes('ERR_ABORTED')),
	flow: async (page, { base, server }) => {
		const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'giamkhao-tpl-'));
		try {
			await open(page, base, server);
			await livePreview(page, server, tmp);
			await save(page, server, tmp);
			await choosePrize(page);
			await refused(page, server);
			await touch(page);
		} finally {
			fs.rmSync(tmp, { recursive: true, force: true });
		}
	},
});
