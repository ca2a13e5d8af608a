import { appendFileSync } from 'node:fs';
import type { SpecFinding } from '../rest/request-log.js';

/** Thrown by `LocalDiscord.close()` when exchanges broke Discord's OpenAPI description; lists them. */
export class SpecMismatchError extends Error {
  readonly findings: readonly SpecFinding[];

  constructor(findings: readonly SpecFinding[]) {
    const lines = findings.slice(0, 20).map(describeFinding);
    const more = findings.length > 20 ? `\n… and ${findings.length - 20} more` : '';
    super(`${findings.length} exchange(s) broke Discord's OpenAPI description (vendor/discord-api-spec):\n${lines.join('\n')}${more}`);
    this.name = 'SpecMismatchError';
    this.findings = findings;
  }
}

/** One line per finding: what, where, and the first problems. */
export function describeFinding(finding: SpecFinding): string {
  const problems = finding.problems.slice(0, 5).map((p) => `${p.at} ${p.message}`).join('; ');
  return `- ${finding.kind}: ${finding.method} ${finding.path} → ${finding.status} (${finding.operationId ?? 'no operation'}) ${problems}`;
}

/**
 * With `LUMEN_SPEC_REPORT=<file>` set, each closing emulator appends one JSON line `{checked, findings}`
 * there, so `npm run spec-check` can total a whole test run (test files run in separate processes).
 */
export function appendSpecReport(checked: number, findings: readonly SpecFinding[]): void {
  const file = process.env.LUMEN_SPEC_REPORT;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ checked, findings })}\n`);
}
