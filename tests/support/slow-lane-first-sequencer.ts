/**
 * The order vitest hands the files to its workers (vitest.config.ts): the slow lane first, then
 * e2e, then unit. vitest's own order runs the projects by name (e2e, slow, unit), so the longest
 * file of all (the multi-process test, about half the run) started only once every e2e file was
 * done, and ran alone for its last minutes while the other worker had nothing left; started first,
 * it runs beside everything else, and the unit lane's many short files fill the end so that both
 * workers finish together. Within a lane, vitest's order stands: failed first, then longest in its
 * cache of the last run, or the largest file where there is none (a fresh clone, CI).
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LANES = ['slow', 'e2e', 'unit'];

export class SlowLaneFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification): number => {
      const lane = LANES.indexOf(file.project.name);
      return lane === -1 ? LANES.length : lane;
    };
    // Array sort is stable: vitest's order within each lane is kept.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
