// verify.mjs: verifying certificates in Chromium on a phone-sized screen
// (390x844, touch), as someone handed a certificate would, on the demo's
// decided edition (18 certificates issued): the QR's upper-case URL opens
// the genuine page with the printed facts; the organiser revokes another
// certificate with a reason on the certificates page; its URL then shows
// the revoked page with that reason; an altered code shows "not valid"
// without facts; a typed short code leads to its certificate. Screenshots
// go to tests/browser/out/verify-NN-step.png; axe-core checks the pages.
//
// usage: node tests/browser/verify.mjs BINARY
import {
	check, checkAxe, navigate, run, runTest, stepDone,
} from './lib.mjs';

const EDITION = 6; // the demo's decided youth contest

const DB_READ = `
import json, sqlite3, sys
c = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
rows = c.execute('SELECT id, recipient, code, coalesce(revoked_at, 0), revoked_reason'
                 ' FROM certificates ORDER BY id LIMIT 2').fetchall()
print(json.dumps(rows))
`;

async function certs(server) {
	const r = await run('python3', ['-c', DB_READ, server.db]);
	if (r.code !== 0)
		throw new Error(`reading the database: ${r.out}`);
	return JSON.parse(r.out);
}

function shortCode(serial) {
	const a = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
	const sym = [];
	for (let i = 0; i < 7; i++, serial = Math.floor(serial / 32))
		sym.unshift(serial % 32);
	const check = sym.reduce((s, v, i) => s + (i + 1) * v, 0) % 31;
	return `GK-${sym.map((v) => a[v]).join('')}-${a[check]}`;
}

async function flow(page, { base, server, context }) {
	const [first, second] = await certs(server);
	check('the demo has issued certificates', first && second, [first, second]);
	// the QR holds HTTPS://HOST/V/CODE: the same path on this server
	await page.goto(`${base}/V/${first[2]}`, { waitUntil: 'load' });
	let text = await page.textContent('main');
	check('the QR\'s URL: genuine, with the recipient to compare',
		text.includes('Giấy chứng nhận hợp lệ') && text.includes(first[1]), text.slice(0, 300));
	check('the genuine verdict is marked as such',
		await page.locator('section.verdict.genuine').count() === 1);
	await checkAxe(page, 'genuine page');
	await stepDone(page, 'genuine');

	const organiser = await context.newPage();
	organiser.on('dialog', (d) => d.accept().catch(() => {})); /* "Thu hồi?" */
	const link = await server.loginLink('bantochuc');
	await organiser.goto(link, { waitUntil: 'load' });
	await navigate(organiser, () => organiser.click('form.enter button'), /^\/editions/);
	await organiser.goto(`${base}/editions/${EDITION}/certificates`, { waitUntil: 'load' });
	const form = organiser.locator(`form[action="/certificates/${second[0]}/revoke"]`);
	await organiser.locator(`form[action="/certificates/${second[0]}/revoke"]`)
		.locator('xpath=..').locator('summary').click();
	await form.locator('input[name=reason]').fill('Cấp nhầm tên người nhận');
	await navigate(organiser, () => form.locator('button').click(),
		`/editions/${EDITION}/certificates`);
	check('the organiser revoked it (the list says so)',
		(await organiser.textContent('main')).includes('Cấp nhầm tên người nhận'));
	await organiser.close();

	await page.goto(`${base}/v/${second[2].toLowerCase()}`, { waitUntil: 'load' });
	text = await page.textContent('main');
	check('a revoked certificate (code typed in lower case): revoked, with the reason',
		text.includes('đã bị thu hồi') && text.includes('Cấp nhầm tên người nhận') &&
		text.includes(second[1]), text.slice(0, 400));
	await checkAxe(page, 'revoked page');
	await stepDone(page, 'revoked');

	const altered = first[2].slice(0, 40) + (first[2][40] === '0' ? '1' : '0') +
		first[2].slice(41);
	await page.goto(`${base}/v/${altered}`, { waitUntil: 'load' });
	text = await page.textContent('main');
	check('one character altered: not valid, and no facts',
		text.includes('Mã không hợp lệ') && !text.includes(first[1]), text.slice(0, 300));
	await stepDone(page, 'not-valid');

	await page.locator('#v-code').fill(shortCode(first[0]).toLowerCase());
	await navigate(page, () => page.locator('form.verify-form button').tap(),
		new RegExp(`^/v/${first[2]}$`));
	check('a typed short code (lower case) leads to its certificate',
		(await page.textContent('main')).includes(first[1]));
	await stepDone(page, 'short-code');
}

process.exitCode = await runTest({
	name: 'verify',
	binary: process.argv[2],
	usage: 'node tests/browser/verify.mjs BINARY',
	setup: (server) => server.cli(['demo']),
	contextOptions: { viewport: { width: 390, height: 844 } },
	isExpected: () => false,
	flow,
});
