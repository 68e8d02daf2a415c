// html.js -- end-to-end test of `classify -f html` in headless Chromium.
//
//   node html.js REPORT.html EXPLAIN.jsonl SCREENSHOT.png [POLICY.html]
//
// REPORT.html and EXPLAIN.jsonl are the html and `--explain -f jsonl`
// output of the same run.  The page is opened from a file:// URL in
// Debian's /usr/bin/chromium (playwright-core drives it; no browser is
// downloaded) with every request that is not file:// refused and
// recorded, so a report that fetched anything fails.  Checks: per-label
// counts in the DOM equal the jsonl counts, a label filter shows exactly
// that label's clauses and the chart redraws for them, every clause's text
// is the jsonl's with the words that fired marked (each mark one of its
// hits), the contents link every document, a clause's rule hits open on
// click and name its rules, the page renders (not blank), no script
// errors.  POLICY.html, a report of the same inputs with policies: each
// document's violations list every message once, with one link per
// clause that broke it, shown as the clause shows its place.  Prints
// "ok NAME" / "not ok NAME: why".
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [reportFile, jsonlFile, shotFile, policyFile] = process.argv.slice(2);
let failed = 0;
function check(name, problems) {
  if (problems.length === 0) { console.log(`ok ${name}`); return; }
  failed++;
  console.log(`not ok ${name}: ${problems.slice(0, 10).join('; ')}`);
}
// Objects compare with their keys sorted: label order is not the point.
const canon = (v) => JSON.stringify(v && typeof v === 'object' && !Array.isArray(v)
  ? Object.fromEntries(Object.entries(v).sort()) : v);
const expectEq = (what, got, want) => (canon(got) === canon(want) ? [] :
  [`${what}: got ${canon(got)}, want ${canon(want)}`]);

// What the jsonl says: clauses in order, labels per clause, counts.
const clauses = fs.readFileSync(jsonlFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const counts = {};
for (const c of clauses) for (const l of c.labels) counts[l] = (counts[l] || 0) + 1;
const files = [...new Set(clauses.map((c) => c.file))];

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'clausetag-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
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
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  try {
    await page.goto('file://' + path.resolve(reportFile));
    await run(page);
    if (policyFile) {
      await page.goto('file://' + path.resolve(policyFile));
      await policyTest(page);
    }
    check('nothing fetched, no script errors', [...fetched, ...errors]);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function run(page) {
  // Structure: a section per file, a clause per jsonl line.
  const sections = await page.$$eval('section.doc h2', (hs) => hs.map((h) => h.textContent));
  check('one section per file', expectEq('sections', sections, files));
  check('one clause per jsonl record',
    expectEq('clauses', await page.locator('li.clause').count(), clauses.length));

  // Counts: chart bars and legend both agree with the jsonl.
  const bars = await page.$$eval('#chart g.bar', (gs) => Object.fromEntries(
    gs.map((g) => [g.dataset.label, Number(g.dataset.count)])));
  const nonzero = Object.fromEntries(Object.entries(bars).filter(([, n]) => n > 0));
  check('chart counts = jsonl counts', expectEq('bars', nonzero, counts));
  const legend = await page.$$eval('#legend label.key', (ks) => ks.map(
    (k) => [k.textContent.replace(/\s*\d+\s*$/, '').trim(), Number(k.querySelector('.n').textContent)]));
  const legendCounts = Object.fromEntries(legend.filter(([l, n]) => l !== 'unlabelled' && n > 0));
  check('legend counts = jsonl counts', expectEq('legend', legendCounts, counts));

  await marksTest(page);
  await tocTest(page);
  await filterTest(page);
  await hitsTest(page);
  await renderTest(page);
}

const collapse = (t) => t.replace(/\s+/g, ' ').trim();

// The text of each clause is the jsonl's; each <mark> is one of its hits.
async function marksTest(page) {
  const dom = await page.$$eval('li.clause', (cs) => cs.map((c) => ({
    text: c.querySelector('.text').textContent,
    marks: [...c.querySelectorAll('.text mark')].map((m) => ({ rule: m.title, text: m.textContent })),
  })));
  const textProblems = [], markProblems = [];
  let marks = 0;
  dom.forEach((d, i) => {
    if (d.text !== collapse(clauses[i].text))
      textProblems.push(`clause ${i + 1}: ${JSON.stringify(d.text)}`);
    for (const m of d.marks) {
      marks++;
      if (!clauses[i].hits.some((h) => h.rule === m.rule && collapse(h.match) === m.text))
        markProblems.push(`clause ${i + 1}: mark ${m.rule} ${JSON.stringify(m.text)} is no hit`);
    }
  });
  check('clause texts with marks = jsonl texts', textProblems);
  check('every mark is a hit of its clause', markProblems);
  check('words that fired are marked', marks > 50 ? [] : [`only ${marks} marks`]);
}

// The contents link every document's section.
async function tocTest(page) {
  const links = await page.$$eval('#toc a', (as) => as.map((a) => ({
    name: a.textContent, ok: !!document.querySelector(a.getAttribute('href')) })));
  check('contents: a link per document', expectEq('toc', links.map((l) => l.name), files));
  check('contents: links reach their sections',
    links.filter((l) => !l.ok).map((l) => `${l.name}: no target`));
}

// Not a blank page: the report has height and its screenshot has content.
async function renderTest(page) {
  const height = await page.evaluate(() => document.body.scrollHeight);
  const png = await page.screenshot({ fullPage: false });
  check('the page renders', height > 900 && png.length > 20000 ? []
    : [`height ${height}, screenshot ${png.length} bytes`]);
}

// Each document's violations: a message once, a link per clause that broke
// it, each link shown as its clause's place and reaching it.
async function policyTest(page) {
  const docs = await page.$$eval('section.doc', (ss) => ss.map((s) => ({
    messages: [...s.querySelectorAll('ul.violations > li')].map((li) => li.firstChild.textContent.trim()),
    links: [...s.querySelectorAll('ul.violations a')].map((a) => {
      const target = document.querySelector(a.getAttribute('href'));
      return { text: a.textContent, where: target && target.querySelector('.where').textContent };
    }),
    violated: s.querySelectorAll('li.clause.violated').length,
  })));
  const problems = [];
  docs.forEach((d, i) => {
    if (new Set(d.messages).size !== d.messages.length) problems.push(`document ${i + 1}: a message twice`);
    if (d.links.length < d.violated) problems.push(`document ${i + 1}: ${d.links.length} links, ${d.violated} clauses broke a policy`);
    for (const l of d.links) if (l.text !== l.where) problems.push(`link ${l.text} reaches ${l.where}`);
  });
  check('violations grouped by message, linked by line:col', problems);
  check('violations present', docs.some((d) => d.links.length > 1) ? [] : ['no violation links']);
}

// Checks one label's box, then a second; unchecks both.
async function filterTest(page) {
  const labels = Object.keys(counts).sort((a, b) => counts[a] - counts[b]);
  const [first, second] = labels;
  const box = (l) => page.locator('#legend label.key', { hasText: new RegExp(`^${l}\\b`) }).locator('input');
  const visibleLabels = () => page.$$eval('li.clause', (cs) => cs
    .filter((c) => c.offsetParent !== null)
    .map((c) => c.id));
  const idsWith = (ls) => clauses.map((c, i) => ({ c, i }))
    .filter(({ c }) => c.labels.some((l) => ls.includes(l)));
  const domIds = await page.$$eval('li.clause', (cs) => cs.map((c) => c.id));
  const want = (ls) => idsWith(ls).map(({ i }) => domIds[i]);

  await box(first).check();
  check(`filter ${first}: only its ${counts[first]} clauses shown`,
    expectEq('visible', await visibleLabels(), want([first])));
  const shownBars = await page.$$eval('#chart g.bar', (gs) => Object.fromEntries(
    gs.map((g) => [g.dataset.label, Number(g.dataset.shown)]).filter(([, n]) => n > 0)));
  const cooccur = {};
  for (const { c } of idsWith([first])) for (const l of c.labels) cooccur[l] = (cooccur[l] || 0) + 1;
  check(`filter ${first}: the chart counts the clauses shown`, expectEq('bars', shownBars, cooccur));
  check(`filter ${first}: shown count`,
    expectEq('#shown', await page.textContent('#shown'), String(counts[first])));
  await box(second).check();
  check(`filter ${first}+${second}: clauses with either`,
    expectEq('visible', await visibleLabels(), want([first, second])));
  await page.screenshot({ path: shotFile });
  await box(first).uncheck();
  await box(second).uncheck();
  check('no filter: every clause shown',
    expectEq('visible', (await visibleLabels()).length, clauses.length));
}

// Opens the hits of the first labelled clause with more than one hit.
async function hitsTest(page) {
  const i = clauses.findIndex((c) => c.labels.length > 0 && c.hits.length > 1);
  const clause = page.locator('li.clause').nth(i);
  const list = clause.locator('details.hits ul');
  const before = await list.isVisible();
  await clause.locator('details.hits summary').click();
  const rules = await clause.locator('li.hit code').allTextContents();
  check('hits hidden until clicked', before ? ['hits visible before the click'] : []);
  check('hits shown on click', (await list.isVisible()) ? [] : ['hits still hidden']);
  check('hits name the rules that fired',
    expectEq('rules', rules, clauses[i].hits.map((h) => h.rule)));
  await clause.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shotFile.replace(/\.png$/, '-hits.png') });
}

main().then(() => process.exit(failed ? 1 : 0), (e) => {
  console.log(`not ok chromium: ${e.message.split('\n')[0]}`);
  process.exit(1);
});
