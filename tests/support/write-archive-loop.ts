// Child process for the atomicity test: rewrites a large archive file as fast as it can until killed.
import { ValidatedJsonFile } from '../../src/store/validated-json-file.js';
import { ArchiveFileSchema, type ArchiveFile } from '../../src/store/archive.schema.js';
import { getIncoming } from './briefing-factory.js';

const file = process.argv[2] as string;
const adapter = new ValidatedJsonFile(file, ArchiveFileSchema);
const stamp = '2026-11-24T00:00:00.000Z';
let round = 0;
process.stdout.write('ready\n');
for (;;) {
  round++;
  const briefings = Array.from({ length: 300 }, (_, i) => {
    const { briefing, contentHash, source } = getIncoming({ slug: `b-${round}-${i}` });
    return { briefing, contentHash, source, revision: 1, seq: i + 1, importedAt: stamp, updatedAt: stamp };
  });
  const data: ArchiveFile = { version: 1, nextSeq: 301, briefings };
  await adapter.write(data);
  process.stdout.write('wrote\n');
}
