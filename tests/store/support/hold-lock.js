// Holds a lock until killed, for the lock tests: `node hold-lock.js LOCK_FILE write|process`.
// Prints "locked" once it holds it. The test kills it with SIGKILL, so no clean-up runs and the
// lock file stays behind, as after a killed import. JavaScript, so that it runs the compiled
// store when dist/ is fresh (../../support/project-modules.js).
import { importProject } from '../../support/project-modules.js';

const { acquireProcessLock, withFileLock } = await importProject('src/store/file-lock.js');

const [lockFile, mode] = process.argv.slice(2);
if (!lockFile || (mode !== 'write' && mode !== 'process')) throw new Error('usage: hold-lock.js LOCK_FILE write|process');

const forever = () => new Promise(() => setInterval(() => undefined, 60_000));
if (mode === 'process') {
  await acquireProcessLock(lockFile, 'the test directory');
  process.stdout.write('locked\n');
  await forever();
} else {
  await withFileLock(lockFile, async () => {
    process.stdout.write('locked\n');
    await forever();
  });
}
