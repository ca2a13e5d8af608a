import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json<T = unknown>(): T;
}

/** Runs `lumen <argv>` in-process against a data directory, capturing its output. */
export async function runLumen(argv: string[], options: { dataDir: string; cwd?: string; now?: Date; env?: Record<string, string> }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { LUMEN_DATA_DIR: options.dataDir, ...options.env },
    cwd: options.cwd ?? process.cwd(),
    now: () => options.now ?? new Date('2026-11-25T10:00:00.000Z'),
  });
  return { code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T };
}

export const tempDataDir = () => mkdtemp(join(tmpdir(), 'lumen-cli-'));
