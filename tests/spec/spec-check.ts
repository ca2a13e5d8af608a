/**
 * `npm run spec-check [vitest args]`: runs the tests that start the emulator (default: tests/sandbox,
 * tests/commands, tests/delivery, tests/spec, tests/render/emulator-accepts) with every exchange checked
 * against Discord's OpenAPI description, then prints the totals: exchanges checked, mismatches outside the
 * allowlist (each emulator also fails its own test on one), and the negative cases' refused/total lines.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describeFinding } from '../../src/sandbox/emulator/spec/spec-mismatch-error.js';
import type { SpecFinding } from '../../src/sandbox/emulator/rest/request-log.js';

const report = join(process.cwd(), '.tmp', 'spec-report.jsonl');
mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
rmSync(report, { force: true });
const targets = process.argv.slice(2);
const args = targets.length > 0 ? targets : ['tests/sandbox', 'tests/commands', 'tests/delivery', 'tests/spec', 'tests/render/emulator-accepts.test.ts'];
const run = spawnSync('npx', ['vitest', 'run', ...args], { env: { ...process.env, LUMEN_SPEC_REPORT: report }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const output = `${run.stdout}${run.stderr}`;
for (const line of output.split('\n')) if (line.includes('[spec-check]')) console.log(line.replace(/^.*\[spec-check\]/, '[spec-check]'));

let checked = 0;
let emulators = 0;
const findings: SpecFinding[] = [];
try {
  for (const line of readFileSync(report, 'utf8').split('\n').filter(Boolean)) {
    const entry = JSON.parse(line) as { checked: number; findings: SpecFinding[] };
    emulators += 1;
    checked += entry.checked;
    findings.push(...entry.findings);
  }
} catch {
  console.log('[spec-check] no emulator reported (did the tests run?)');
}
console.log(`[spec-check] ${emulators} emulators, ${checked} exchanges checked against the spec, ${findings.length} mismatches outside the allowlist`);
for (const finding of findings.slice(0, 30)) console.log(describeFinding(finding));
// vitest colours its summary; the escape codes go before matching its lines.
// eslint-disable-next-line no-control-regex
const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
console.log(plain.split('\n').filter((l) => /Test Files|Tests {2}/.test(l)).join('\n'));
process.exit(findings.length > 0 || run.status !== 0 ? 1 : 0);
