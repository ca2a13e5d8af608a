#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm install` / `npm ci` leave it built): transpiles src/ and
// commands/ file by file into dist/ (same layout, so relative imports, import.meta.url and the
// JSON data keep working), then stamps the build's start time for bin/dist-freshness.js.
//
// esbuild rather than tsc: it is the transpiler tsx already runs the sources through, so dist/
// behaves as the sources do, and it takes about a second where tsc's emit takes ~17 s of CPU on
// every `npm install`. Types are checked by `npm run typecheck`, not here.
import { build } from 'esbuild';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCE_DIRS, STAMP_FILE } from './dist-freshness.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist');
const startedAt = Date.now();
const files = SOURCE_DIRS.flatMap((dir) =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((file) => join(dir, file)),
);
// A clean build: the output of a source file deleted since the last one must not linger.
rmSync(dist, { recursive: true, force: true });
try {
  await build({
    absWorkingDir: root,
    entryPoints: files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')),
    outbase: '.',
    outdir: dist,
    format: 'esm',
    platform: 'node',
    // engines: >=20.19; an older target would strip the `with { type: 'json' }` node needs.
    target: 'node20.19',
    sourcemap: true,
    logLevel: 'warning',
  });
} catch (error) {
  console.error(`lumen build: ${error.message}\nbin/lumen.js runs the sources through tsx until a build succeeds.`);
  process.exit(1);
}
// zod as one module instead of 95: a CLI start that validates its configuration then spends
// half as long loading zod (resolving, reading and compiling each file is per module). The same
// package and version, bundled as is; only the compiled code uses it (tests run the sources).
const ZOD = join('dist', 'vendor', 'zod.js');
try {
  await build({ absWorkingDir: root, stdin: { contents: "export * from 'zod';", resolveDir: root }, bundle: true, outfile: ZOD, format: 'esm', platform: 'node', target: 'node20.19', logLevel: 'warning' });
} catch (error) {
  console.error(`lumen build: bundling zod: ${error.message}`);
  process.exit(1);
}
for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'))) {
  const path = join(dist, file);
  const code = readFileSync(path, 'utf8');
  if (!code.includes(' from "zod";')) continue;
  const vendored = relative(dirname(path), join(root, ZOD)).replaceAll('\\', '/');
  writeFileSync(path, code.replaceAll(' from "zod";', ` from "${vendored.startsWith('.') ? vendored : `./${vendored}`}";`));
}
for (const file of files.filter((f) => f.endsWith('.json'))) {
  mkdirSync(dirname(join(dist, file)), { recursive: true });
  copyFileSync(join(root, file), join(dist, file));
}
// buildId: which build this is, so the snapshots it writes can be told from another build's
// (src/cli/build-identity.ts).
writeFileSync(join(root, STAMP_FILE), `${JSON.stringify({ startedAt, buildId: randomUUID() })}\n`);
