// save_page.js -- a stored web page as a browser saves it.
//
//   node save_page.js STORED.html URL OUT.mhtml   (and OUT.html)
//
// Debian's /usr/bin/chromium (driven by playwright-core) loads URL, and
// the request for URL is answered with the bytes of STORED.html (a page
// as a server once sent it); every other request (scripts, styles,
// images, frames) is refused, as if the browser were offline.  After the
// load event and one second for the page's scripts, the page is saved the
// way Chromium's "Save Page As... Webpage, Single File" saves it: the
// DevTools call Page.captureSnapshot, which writes MHTML.  OUT.html is
// that MHTML's text/html part (Blink's serialization of the page's DOM
// after its scripts ran), decoded from quoted-printable, its line breaks
// LF again.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [stored, url, out] = process.argv.slice(2);

// The MHTML's first part, the page's HTML as Blink serialized it, decoded
// from quoted-printable (RFC 2045 6.7) to its bytes.
function htmlPart(mhtml) {
  const boundary = /boundary="([^"]+)"/.exec(mhtml)[1];
  const part = mhtml.split(`--${boundary}`)[1];
  const body = part.slice(part.indexOf('\r\n\r\n') + 4);
  const soft = body.replace(/=\r\n/g, '');
  const bytes = [];
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/.test(soft.substr(i + 1, 2))) {
      bytes.push(parseInt(soft.substr(i + 1, 2), 16));
      i += 2;
    } else bytes.push(soft.charCodeAt(i));
  }
  // a text part's line breaks are CRLF in MIME (RFC 2045 2.10); the
  // page's own are LF
  return Buffer.from(Buffer.from(bytes).toString('latin1')
    .replace(/\r\n/g, '\n'), 'latin1');
}
(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'save-page-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update'],
  });
  const refused = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u === url) return route.fulfill({ status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: fs.readFileSync(stored) });
    refused.push(u);
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1000);
  const cdp = await context.newCDPSession(page);
  const { data } = await cdp.send('Page.captureSnapshot', { format: 'mhtml' });
  fs.writeFileSync(out, data);
  fs.writeFileSync(out.replace(/\.mhtml$/, '.html'), htmlPart(data));
  console.error(`${refused.length} requests refused; ${await page.evaluate(() => navigator.userAgent)}`);
  await context.close();
})().catch((e) => { console.error(e); process.exit(1); });
