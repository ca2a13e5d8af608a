// Module hooks for tests/cli/startup-modules.e2e.test.ts: every module a process resolves, one
// `module <url>` line each on stderr. Written synchronously: the hooks run on a thread of their
// own, and a line left in that thread's stream buffer is lost when a quick command (`lumen
// --help`) exits first, which made the test fail under load.
import { writeSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  writeSync(2, `module ${resolved.url}\n`);
  return resolved;
}
