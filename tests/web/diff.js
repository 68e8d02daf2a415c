// diff.js -- end-to-end test of `clausetag diff -f html` in headless Chromium.
//
//   node diff.js PAGE.html STEPS.jsonl SCREENSHOT.png [PAGE STEPS SHOT]...
//
// PAGE.html and STEPS.jsonl are the html and jsonl output of the same
// `clausetag diff` (with the same rules).  Each page is opened from a
// file:// URL in Debian's /usr/bin/chromium with every other request
// refused and recorded.  Checks: nothing fetched and no script errors;
// the status counts of the filter and the steps of each label's section
// equal what the jsonl says; unchanged steps are hidden until their box
// is checked, and unchecking a status hides its steps; every clause text
// reads in the page exactly as in the jsonl (so markup in a document
// shows as text, never as elements: the page has one script, ours); the
// page renders (a screenshot of a page taller than the window, not
// blank).  Prints "ok NAME" / "not ok NAME: why".
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

let failed = 0;
function check(name, problems) {
  if (problems.length === 0) { console.log(`ok ${name}`); return; }
  failed++;
  console.log(`not ok ${name}: ${problems.slice(0, 10).join('; ')}`);
}
const canon = (v) => JSON.stringify(v && typeof v === 'object' && !Array.isArray(v)
  ? Object.fromEntries(Object.entries(v).sort()) : v);
const expectEq = (what, got, want) => (canon(got) === canon(want) ? [] :
  [`${what}: got ${canon(got)}, want ${canon(want)}`]);
const collapse = (s) => s.replace(/\s+/g, ' ').trim();

// What the jsonl says: per status, and per section the steps in order.
function expected(jsonlFile) {
  const steps = fs.readFileSync(jsonlFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const statuses = { new: 0, dropped: 0, changed: 0, unchanged: 0 };
  const sections = {};
  for (const s of steps) {
    statuses[s.status]++;
    const labels = new Set([...(s.old ? s.old.labels : []), ...(s.new ? s.new.labels : [])]);
    const keys = labels.size ? [...labels] : ['-'];
    for (const l of keys) (sections[l] = sections[l] || []).push(s);
  }
  return { steps, statuses, sections };
}

async function checkPage(context, pageFile, jsonlFile, shotFile) {
  const want = expected(jsonlFile);
  const name = path.basename(pageFile);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto('file://' + path.resolve(pageFile));

  const filter = await page.$$eval('#filter label', (ls) => Object.fromEntries(ls.map(
    (l) => [l.querySelector('input').value, Number(l.querySelector('.n').textContent)])));
  check(`${name}: filter counts = jsonl statuses`, expectEq('filter', filter, want.statuses));

  // Each section: its steps, by status and text, in order.
  const got = await page.$$eval('section.label', (ss) => Object.fromEntries(ss.map((s) => [
    s.dataset.label,
    [...s.querySelectorAll('li.step')].map((li) => ({
      status: li.dataset.status,
      texts: [...li.querySelectorAll('.text')].map((t) => t.textContent),
    })),
  ])));
  const wantSections = Object.fromEntries(Object.entries(want.sections).map(([l, ss]) => [l,
    ss.map((s) => ({
      status: s.status,
      texts: s.status === 'changed' && collapse(s.old.text) !== collapse(s.new.text)
        ? [collapse(s.old.text), collapse(s.new.text)]
        : [collapse((s.new || s.old).text)],
    }))]));
  const problems = [];
  for (const l of new Set([...Object.keys(got), ...Object.keys(wantSections)]))
    problems.push(...expectEq(`section ${l}`, got[l], wantSections[l]));
  check(`${name}: every section holds its label's steps, texts as in the jsonl`, problems);
  // Marked words: in a changed pair, exactly the words the other text
  // lacks (compared case-folded, as the alignment compares them).
  const marks = await page.$$eval('li.step[data-status="changed"]', (ls) => ls
    .filter((l) => l.querySelectorAll('.text').length === 2)
    .map((l) => [...l.querySelectorAll('.text')].map((t) => ({
      text: t.textContent,
      marked: [...t.querySelectorAll('mark')].map((m) => m.textContent),
    }))));
  const words = (t) => (t.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) || []);
  const markProblems = [];
  let nmarked = 0;
  for (const [o, n] of marks) {
    for (const [self, other] of [[o, n], [n, o]]) {
      const have = new Set(words(other.text));
      const want = words(self.text).filter((w) => !have.has(w));
      nmarked += self.marked.length;
      markProblems.push(...expectEq(`marks in "${self.text.slice(0, 40)}"`,
        self.marked.map((m) => m.normalize('NFKC').toLowerCase()), want));
    }
  }
  if (marks.length > 0 && nmarked === 0) markProblems.push('no word marked at all');
  check(`${name}: changed pairs mark the words the other lacks (${nmarked})`, markProblems);
  check(`${name}: one script, no markup from the documents`,
    expectEq('scripts', await page.locator('script').count(), 1));

  const visible = () => page.$$eval('li.step', (ls) => ls
    .filter((l) => l.offsetParent !== null).map((l) => l.dataset.status));
  const total = Object.values(want.sections).reduce((n, ss) => n + ss.length, 0);
  const unchanged = Object.values(want.sections).reduce(
    (n, ss) => n + ss.filter((s) => s.status === 'unchanged').length, 0);
  let v = await visible();
  check(`${name}: unchanged hidden at first`, [
    ...expectEq('visible', v.length, total - unchanged),
    ...(v.includes('unchanged') ? ['an unchanged step is visible'] : []),
    ...expectEq('#shown', await page.textContent('#shown'), String(total - unchanged)),
  ]);
  await page.screenshot({ path: shotFile, fullPage: true });
  const box = (s) => page.locator(`#filter input[value="${s}"]`);
  await box('unchanged').check();
  check(`${name}: unchanged shown when checked`,
    expectEq('visible', (await visible()).length, total));
  await box('new').uncheck();
  v = await visible();
  check(`${name}: new hidden when unchecked`, v.includes('new') ? ['a new step is visible'] : []);

  const height = await page.evaluate(() => document.body.scrollHeight);
  const png = fs.readFileSync(shotFile);
  check(`${name}: renders (page ${height}px, screenshot ${png.length} bytes)`,
    height > 300 && png.length > 20000 ? [] : ['blank or empty page']);
  check(`${name}: no script errors`, errors);
  await page.close();
}

async function main() {
  const args = process.argv.slice(2);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'clausetag-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const fetched = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    fetched.push(url);
    return route.abort();
  });
  try {
    for (let i = 0; i + 2 < args.length; i += 3)
      await checkPage(context, args[i], args[i + 1], args[i + 2]);
    check('diff pages: nothing fetched', fetched);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().then(() => process.exit(failed ? 1 : 0), (e) => {
  console.log(`not ok chromium: ${e.message.split('\n')[0]}`);
  process.exit(1);
});
