// ballot.mjs: a council member's secret ballot on a tablet (810x1080,
// touch), on the demo's Golden Book edition (judging, a council of six,
// three of them cast already): the login link, the home page's ballot,
// marks tapped and kept across a reload (localStorage), the browser
// refusing a paper with a dossier unmarked, the review, the cast made
// while offline (kept on the tablet, said on the page, nothing stored on
// the server), then sent when the network is back; the database then
// holds one more cast and one more vote in each dossier's tally, and the
// tablet keeps no mark. Screenshots go to tests/browser/out/ballot-NN-
// step.png; axe-core checks the paper and the review.
//
// usage: node tests/browser/ballot.mjs BINARY
import {
	check, checkAxe, checkTouch, navigate, run, runTest, stepDone,
} from './lib.mjs';

const MEMBER = 'gk09'; // on the council, not cast yet in the demo
const EDITION = 4; // the demo's Golden Book edition
// the marks: SV-001 to SV-005
const MARKS = ['yes', 'yes', 'no', 'yes', 'no'];
let offline = false;

const DB_READ = `
import json, sqlite3, sys
c = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
casts = c.execute('SELECT count(*) FROM ballot_casts WHERE edition_id = ?', (sys.argv[2],)).fetchone()[0]
tallies = c.execute('SELECT e.code, t.yes, t.no FROM ballot_tallies t JOIN entries e ON e.id = t.entry_id'
                    ' WHERE e.edition_id = ? ORDER BY e.code', (sys.argv[2],)).fetchall()
print(json.dumps({'casts': casts, 'tallies': tallies}))
`;

async function dbBallot(server) {
	const r = await run('python3', ['-c', DB_READ, server.db, String(EDITION)]);
	if (r.code !== 0)
		throw new Error(`reading the database: ${r.out}`);
	return JSON.parse(r.out);
}

async function marked(page) {
	return (await page.locator('.ballot-count').innerText()).trim();
}

async function kept(page) {
	return page.evaluate(() => Object.keys(localStorage)
		.filter((k) => k.startsWith('giamkhao-ballot-')));
}

async function tapMarks(page, upTo) {
	const rows = page.locator('fieldset.ballot-row');
	for (let i = 0; i < upTo; i++)
		await rows.nth(i).locator(`label.vote-${MARKS[i]}`).tap();
}

async function flow(page, { server, context }) {
	const link = await server.loginLink(MEMBER);
	await page.goto(link, { waitUntil: 'load' });
	await navigate(page, () => page.locator('form.enter button').tap(), '/');
	const open = page.locator(`a[href="/editions/${EDITION}/ballot"]`);
	check('the member\'s home offers the ballot', await open.count() === 1);
	await stepDone(page, 'home');

	await navigate(page, () => open.tap(), `/editions/${EDITION}/ballot`);
	const before = await dbBallot(server);
	const rows = await page.locator('fieldset.ballot-row').count();
	check('the paper: five dossiers, each with Yes and No', rows === 5 &&
		await page.locator('input[type=radio]').count() === 10, rows);
	check('ballot.js counts the marks', await marked(page) === 'Đã đánh dấu: 0 / 5',
		await marked(page));
	await page.locator('fieldset.ballot-row details summary').first().tap();
	check('a dossier unfolds under its marks',
		await page.locator('fieldset.ballot-row details[open] dd').count() >= 2);
	await tapMarks(page, 4);
	check('four marks tapped, counted', await marked(page) === 'Đã đánh dấu: 4 / 5',
		await marked(page));
	await checkTouch(page, 'paper');
	await checkAxe(page, 'paper');
	await stepDone(page, 'marked');

	await page.reload({ waitUntil: 'load' });
	check('after a reload the marks are still there (kept on the tablet)',
		await marked(page) === 'Đã đánh dấu: 4 / 5' &&
		await page.locator('input[type=radio]:checked').count() === 4, await marked(page));
	await page.locator('form.ballot button[type=submit]').tap();
	await page.waitForTimeout(300);
	check('a dossier left unmarked: the browser does not send the paper',
		new URL(page.url()).pathname === `/editions/${EDITION}/ballot` &&
		await page.locator('form.ballot').count() === 1 &&
		await page.locator('input[type=radio]:invalid').count() === 2);
	await tapMarks(page, 5);
	await navigate(page, () => page.locator('form.ballot button[type=submit]').tap(),
		`/editions/${EDITION}/ballot`);
	const review = await page.textContent('main');
	check('the review: three yes, two no, and the cast button',
		review.includes('Đồng ý: 3') && review.includes('Không đồng ý: 2') &&
		await page.locator('form.ballot-cast button').count() === 1, review.slice(0, 400));
	await checkAxe(page, 'review');
	await stepDone(page, 'review');

	offline = true;
	await context.setOffline(true);
	await page.locator('form.ballot-cast button').tap();
	await page.locator('p.queued:not([hidden])').waitFor({ timeout: 5000 });
	check('offline: the page says the ballot is kept and will be sent', true);
	const mid = await dbBallot(server);
	check('offline: nothing cast on the server yet', mid.casts === before.casts, mid);
	check('offline: the cast is kept on the tablet',
		(await kept(page)).some((k) => k.endsWith('-cast')), await kept(page));
	await stepDone(page, 'offline');

	await Promise.all([
		page.waitForURL(`**/editions/${EDITION}/ballot`, { waitUntil: 'load', timeout: 20000 }),
		context.setOffline(false),
	]);
	offline = false;
	await page.locator('.ballot-done').waitFor({ timeout: 20000 });
	check('back online: the ballot is cast, the page says when',
		(await page.textContent('main')).includes('Đã bỏ phiếu lúc'));
	const after = await dbBallot(server);
	check('the database: one more cast', after.casts === before.casts + 1, after);
	const added = after.tallies.map((t, i) => [t[1] - before.tallies[i][1],
		t[2] - before.tallies[i][2]]);
	check('each dossier\'s tally took exactly its mark',
		JSON.stringify(added) === JSON.stringify(MARKS.map((m) => (m === 'yes' ? [1, 0] : [0, 1]))),
		added);
	check('the tablet keeps no mark once cast', (await kept(page)).length === 0,
		await kept(page));
	check('the page shows no vote of the member',
		await page.locator('input[type=radio]').count() === 0 &&
		!(await page.textContent('main')).includes('Không đồng ý: 2'));
	await stepDone(page, 'cast');
}

process.exitCode = await runTest({
	name: 'ballot',
	binary: process.argv[2],
	usage: 'node tests/browser/ballot.mjs BINARY',
	setup: (server) => server.cli(['demo']),
	contextOptions: { viewport: { width: 810, height: 1080 } },
	isExpected: (text, url) => offline &&
		(new URL(url, 'http://x').pathname.startsWith('/api/') ||
		 new URL(url, 'http://x').pathname === '/sw.js'),
	flow,
});
