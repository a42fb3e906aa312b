// shot.mjs: full-page screenshots of pages after a login link, for
// looking at the UI by hand. usage: node shot.mjs LINK OUTDIR PATH...
import { chromium } from 'playwright-core';

const [link, outdir, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1024, height: 768 },
	hasTouch: true });
await page.goto(link);
// the link's page has one button, which uses the link
if (await page.locator('form.enter button').count() === 1)
	await Promise.all([page.waitForNavigation(), page.click('form.enter button')]);
const base = new URL(link).origin;
for (const [i, p] of paths.entries()) {
	await page.goto(base + p);
	const height = await page.evaluate(() => document.body.scrollHeight);
	// in slices of 1400 px, which image viewers show whole
	for (let y = 0, k = 0; y < height && k < 12; y += 1400, k++) {
		const name = `${outdir}/${String(i + 1).padStart(2, '0')}-${k}.png`;
		await page.screenshot({ path: name, fullPage: true, clip: { x: 0, y,
			width: 1024, height: Math.min(1400, height - y) } });
		console.log(name, p);
	}
}
await browser.close();
