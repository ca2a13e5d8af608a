/**
 * `lumen sandbox --script FILE [--json]`: runs a script's lines in order against a fresh sandbox
 * and exits. Every line is checked before anything runs, so a typo is reported with its line number.
 */
import { readFile } from 'node:fs/promises';
import { loadCommands } from '../../../commands/index.js';
import type { Sandbox } from '../sandbox.js';
import { readScriptLine, type Step } from './script-line.js';
import { SandboxSession } from './sandbox-session.js';
import { sandboxDescription, writeHumanStep, writeJsonStep, type Output } from './transcript.js';

export type ScriptSteps = { ok: true; steps: { line: string; step: Step }[] } | { ok: false; errors: string[] };

/**
 * Reads and checks a script: each command line against the bot's own command definitions, so an
 * unknown command or option stops the run before it starts, naming file and line.
 */
export async function readScript(file: string): Promise<ScriptSteps> {
  const text = await readFile(file, 'utf8');
  const commands = loadCommands().map((c) => c.data.toJSON());
  const steps: { line: string; step: Step }[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const read = readScriptLine(raw, commands);
    if (!read.ok) errors.push(`${file}:${i + 1}: ${read.error}`);
    else if (read.step.kind !== 'comment') steps.push({ line: raw.trim(), step: read.step });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, steps };
}

/** Runs the steps; resolves to whether every step went through. */
export async function runScript(sandbox: Sandbox, steps: { line: string; step: Step }[], out: Output, json: boolean): Promise<boolean> {
  const session = new SandboxSession(sandbox);
  if (json) out.write(`${JSON.stringify(sandboxDescription(sandbox))}\n`);
  let allOk = true;
  for (const { line, step } of steps) {
    const report = await session.run(step);
    if (report.notes.some((note) => note.startsWith('error:'))) allOk = false;
    if (json) writeJsonStep(out, line, report);
    else writeHumanStep(out, sandbox, line, report);
  }
  return allOk;
}
