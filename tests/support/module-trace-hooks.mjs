// Module hooks for tests/cli/startup-modules.e2e.test.ts: every module a process resolves, one
// `module <url>` line each on stderr.
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  process.stderr.write(`module ${resolved.url}\n`);
  return resolved;
}
