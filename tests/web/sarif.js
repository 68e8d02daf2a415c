// sarif.js -- validates clausetag's SARIF output with two real validators.
//
//   node sarif.js FILE.sarif...
//
// 1. ajv against the official SARIF 2.1.0 JSON schema, the copy that the
//    @microsoft/sarif-multitool-linux npm package ships (sarif-2.1.0.json):
//    nothing is downloaded at run time.
// 2. Microsoft's SARIF Multitool `validate`: the same schema plus the
//    SARIF SDK's own rules (SARIF1xxx errors, SARIF2xxx advice).  A result
//    of level "error" fails the file; warnings are printed.  Its advisory
//    rule SARIF2006 tries an HTTP GET of the "$schema" URI: without a
//    network that only yields a note, which is ignored.
// 3. clausetag's own promises: every result's ruleId names a rule of
//    tool.driver.rules, levels are note or error, regions are 1-based.
//
// Prints "ok NAME" or "not ok NAME: why" per check, for run.sh to count.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const Ajv2020 = require('ajv/dist/2020');
const addFormats = require('ajv-formats');

const toolDir = path.dirname(
  require.resolve('@microsoft/sarif-multitool-linux/package.json'));
const multitool = path.join(toolDir, 'Sarif.Multitool');
const schema = JSON.parse(fs.readFileSync(path.join(toolDir, 'sarif-2.1.0.json'), 'utf8'));

let failed = 0;
function report(name, problems) {
  if (problems.length === 0) { console.log(`ok ${name}`); return; }
  failed++;
  console.log(`not ok ${name}: ${problems.slice(0, 10).join('; ')}`);
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateSchema = ajv.compile(schema);

function schemaCheck(file, log) {
  const ok = validateSchema(log);
  report(`schema ${path.basename(file)}`, ok ? [] : validateSchema.errors.map(
    (e) => `${e.instancePath || '/'} ${e.message}`));
}

function multitoolCheck(file) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sarif-')), 'v.sarif');
  // npm does not run the package's postinstall (chmod u+x) everywhere.
  fs.chmodSync(multitool, 0o755);
  const r = spawnSync(multitool, ['validate', file, '-o', out, '--log', 'ForceOverwrite',
    '--level', 'Error;Warning;Note', '--kind', 'Fail', '-q'],
  { encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
  if (r.status !== 0 || !fs.existsSync(out)) {
    report(`multitool ${path.basename(file)}`, [`exit ${r.status}: ${r.stdout}${r.stderr}`]);
    return;
  }
  const results = JSON.parse(fs.readFileSync(out, 'utf8')).runs[0].results || [];
  const msg = (x) => `${x.ruleId} ${(x.message.arguments || []).join(' ')}`;
  const errors = results.filter((x) => x.level === 'error');
  const warnings = results.filter((x) => (x.level || 'warning') === 'warning');
  for (const w of warnings) console.log(`# multitool warning: ${msg(w)}`);
  console.log(`# multitool ${path.basename(file)}: ${errors.length} errors, ` +
    `${warnings.length} warnings, ${results.length - errors.length - warnings.length} notes`);
  report(`multitool ${path.basename(file)}`, errors.map(msg));
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
}

function ownCheck(file, log) {
  const problems = [];
  const run = log.runs[0];
  const ids = new Set(run.tool.driver.rules.map((r) => r.id));
  let related = 0;
  if (ids.size !== run.tool.driver.rules.length) problems.push('duplicate rule ids');
  if (run.columnKind !== 'unicodeCodePoints') problems.push('columnKind');
  for (const [i, res] of run.results.entries()) {
    if (!ids.has(res.ruleId)) problems.push(`results[${i}].ruleId ${res.ruleId} not in rules`);
    if (res.level !== 'note' && res.level !== 'error') problems.push(`results[${i}].level`);
    const reg = res.locations[0].physicalLocation.region;
    if (!(reg.startLine >= 1 && reg.startColumn >= 1)) problems.push(`results[${i}].region`);
    if (reg.endLine !== undefined &&
        (reg.endLine < reg.startLine ||
         (reg.endLine === reg.startLine && reg.endColumn <= reg.startColumn)))
      problems.push(`results[${i}].region ends before it starts`);
    // --explain: the hits, each inside the result's clause
    for (const [j, rel] of (res.relatedLocations || []).entries()) {
      const r = rel.physicalLocation.region;
      related++;
      if (rel.id !== j) problems.push(`results[${i}].relatedLocations[${j}].id`);
      if (!/ -> .* [+-]/.test(rel.message.text)) problems.push(`results[${i}].relatedLocations[${j}].message`);
      if (r.byteOffset !== undefined && reg.byteOffset !== undefined &&
          (r.byteOffset < reg.byteOffset ||
           r.byteOffset + r.byteLength > reg.byteOffset + reg.byteLength))
        problems.push(`results[${i}].relatedLocations[${j}] outside its clause`);
    }
  }
  console.log(`# ${path.basename(file)}: ${related} related locations`);
  if (path.basename(file) === 'explain.sarif' && related === 0)
    problems.push('--explain gave no relatedLocations');
  report(`clausetag ${path.basename(file)}`, problems);
}

for (const file of process.argv.slice(2)) {
  let log;
  try {
    log = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    report(`json ${path.basename(file)}`, [e.message]);
    continue;
  }
  const n = log.runs[0].results.length;
  const errors = log.runs[0].results.filter((r) => r.level === 'error').length;
  console.log(`# ${path.basename(file)}: ${n} results, ${errors} of level error`);
  schemaCheck(file, log);
  multitoolCheck(file);
  try {
    ownCheck(file, log);
  } catch (e) {
    report(`clausetag ${path.basename(file)}`, [e.message]);
  }
}
process.exit(failed ? 1 : 0);
