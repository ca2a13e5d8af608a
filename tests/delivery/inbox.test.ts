/**
 * The inbox folder: good files are imported and moved to processed/, bad ones to rejected/ with
 * a `.error.txt` naming file, line and problem; a file still being written is left alone.
 */
import { appendFile, readdir, readFile, rename, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INDEX_SNAPSHOT_FILE, SearchService } from '../../src/search/index.js';
import { CacheFile } from '../../src/store/cache-file.js';
import { LowdbBriefingArchive } from '../../src/store/lowdb-briefing-archive.js';
import { botPosts, briefingText, dropInInbox, MINUTE, slugsOf, startWorld, subscribe, type DeliveryWorld } from './support/delivery-harness.js';

let world: DeliveryWorld | undefined;
afterEach(async () => {
  await world?.sandbox.stop();
  world = undefined;
});

const BROKEN = `---
slug: broken-one
date: 2026-11-20
---
Just some text, and no heading anywhere.
`;

async function open(): Promise<DeliveryWorld> {
  world = await startWorld({ start: '2026-11-25T09:00:00.000Z' });
  await subscribe(world, { channel: 'briefings', mode: 'new' });
  return world;
}

const list = (w: DeliveryWorld, folder = ''): Promise<string[]> => readdir(join(w.dataDir, 'inbox', folder)).then((names) => names.sort(), () => []);

describe('given a file in the inbox that is not a briefing', () => {
  it('then it lands in rejected/ with <name>.error.txt naming file, line and problem, and the good file beside it goes through', async () => {
    const w = await open();
    await dropInInbox(w.dataDir, 'broken.md', BROKEN);
    await dropInInbox(w.dataDir, 'good-one.md', await briefingText({ slug: 'good-one' }));
    await w.sandbox.advance(MINUTE);

    expect(await list(w)).toEqual(['processed', 'rejected']);
    expect(await list(w, 'rejected')).toEqual(['broken.md', 'broken.md.error.txt']);
    expect(await list(w, 'processed')).toEqual(['good-one.md']);
    const error = await readFile(join(w.dataDir, 'inbox', 'rejected', 'broken.md.error.txt'), 'utf8');
    expect(error).toBe('broken.md:5: no title: put it under a "# Title" heading or make it the first "# " heading\n');
    expect(await readFile(join(w.dataDir, 'inbox', 'rejected', 'broken.md'), 'utf8')).toBe(BROKEN);
    expect(w.sandbox.app.archive.get('broken-one')).toBeUndefined();
    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['good-one']);

    // The same name rejected again keeps the first file and its reason.
    await dropInInbox(w.dataDir, 'broken.md', BROKEN.replace('slug: broken-one\n', 'slug: broken-one\ntags: [\n'));
    await w.sandbox.advance(MINUTE);
    expect(await list(w, 'rejected')).toEqual(['broken-1.md', 'broken-1.md.error.txt', 'broken.md', 'broken.md.error.txt']);
    expect(await readFile(join(w.dataDir, 'inbox', 'rejected', 'broken-1.md.error.txt'), 'utf8')).toMatch(/^broken\.md:\d+: /);
  });
});

describe('given a rejected inbox file', () => {
  it('then the rejection is logged at warn with the file and its problem', async () => {
    const w = await open();
    await dropInInbox(w.dataDir, 'broken.md', BROKEN);
    await w.sandbox.advance(MINUTE);
    const records = w.log.lines.map((line) => JSON.parse(line) as { level: number; msg: string; file?: string; errors?: string[] });
    expect(records.filter((r) => r.msg === 'inbox file rejected')).toEqual([
      expect.objectContaining({ level: 40, file: 'broken.md', errors: ['broken.md:5: no title: put it under a "# Title" heading or make it the first "# " heading'] }),
    ]);
  });

  it('then a 251-character name lands in rejected/ with a shortened, deterministic .error.txt beside it', async () => {
    const w = await open();
    const name = `${'n'.repeat(248)}.md`;
    await dropInInbox(w.dataDir, name, BROKEN);
    await w.sandbox.advance(MINUTE);
    const rejected = await list(w, 'rejected');
    expect(rejected).toHaveLength(2);
    expect(rejected).toContain(name);
    const note = rejected.find((n) => n !== name) ?? '';
    expect(note).toMatch(/^n+~[0-9a-f]{8}\.md\.error\.txt$/);
    expect(Buffer.byteLength(note)).toBeLessThanOrEqual(255);
    expect(await readFile(join(w.dataDir, 'inbox', 'rejected', note), 'utf8')).toMatch(new RegExp(`^${name.replace('.', '\\.')}:5: no title`));
  });

  it('then a file that is no briefing (other extension, README) is rejected saying why, and an alias bomb blocks no good file', async () => {
    const w = await open();
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 8; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    await dropInInbox(w.dataDir, 'bomb.md', `---\n${bomb.join('\n')}\n---\n${await briefingText({ slug: 'bomb' })}`);
    await dropInInbox(w.dataDir, 'slides.pdf', '%PDF-1.7');
    await dropInInbox(w.dataDir, 'good-one.txt', await briefingText({ slug: 'good-one' }));
    await w.sandbox.advance(MINUTE);
    expect(await list(w, 'processed')).toEqual(['good-one.txt']);
    expect(await readFile(join(w.dataDir, 'inbox', 'rejected', 'slides.pdf.error.txt'), 'utf8')).toBe(
      'slides.pdf:1: not imported: not a briefing file (".pdf"; briefings are .md, .markdown, .txt)\n',
    );
    expect(await readFile(join(w.dataDir, 'inbox', 'rejected', 'bomb.md.error.txt'), 'utf8')).toMatch(/^bomb\.md:3: front matter expands its YAML aliases/);
    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['good-one']);
  });
});

describe('given a file still being written into the inbox', () => {
  it('then it is not picked up until its size and time have stopped changing', async () => {
    const w = await open();
    const text = await briefingText({ slug: 'slow-writer' });
    const file = join(w.dataDir, 'inbox', 'slow-writer.md');
    await dropInInbox(w.dataDir, 'placeholder.md', await briefingText({ slug: 'placeholder' })); // creates the folder
    await w.sandbox.advance(MINUTE);

    await writeFile(file, text.slice(0, 1200)); // half a briefing, just written
    await w.sandbox.advance(MINUTE);
    expect(await list(w)).toContain('slow-writer.md');
    expect(w.sandbox.app.archive.get('slow-writer')).toBeUndefined();

    await appendFile(file, text.slice(1200)); // the writer carries on: the file changed since the last poll
    await w.sandbox.advance(MINUTE);
    expect(await list(w)).toContain('slow-writer.md');
    expect(w.sandbox.app.archive.get('slow-writer')).toBeUndefined();

    await w.sandbox.advance(MINUTE); // unchanged since the last poll: complete
    expect(await list(w)).not.toContain('slow-writer.md');
    expect(w.sandbox.app.archive.get('slow-writer')?.briefing.structuralSummary).toContain('One strike on one gas carrier');
    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['placeholder', 'slow-writer']);
  });

  it('then a temporary name (.tmp, .part, ~, hidden) is never taken, however old, until it is renamed', async () => {
    const w = await open();
    const inbox = join(w.dataDir, 'inbox');
    await dropInInbox(w.dataDir, 'placeholder.md', await briefingText({ slug: 'placeholder' }));
    const names = ['upload.md.tmp', 'upload.md.part', 'upload.md~', '.upload.md'];
    const old = new Date(Date.now() - 3_600_000);
    for (const name of names) {
      await writeFile(join(inbox, name), await briefingText({ slug: `temp-${names.indexOf(name)}` }));
      await utimes(join(inbox, name), old, old);
    }
    await w.sandbox.advance(10 * MINUTE);
    expect(await list(w)).toEqual(expect.arrayContaining(names));
    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['placeholder']);

    await rename(join(inbox, 'upload.md.tmp'), join(inbox, 'upload.md'));
    await w.sandbox.advance(MINUTE);
    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['placeholder', 'temp-0']);
    expect(await list(w, 'processed')).toEqual(['placeholder.md', 'upload.md']);
  });
});

describe('given a briefing imported from the inbox while the bot runs', () => {
  it('then the bot saves its search index, and a later `lumen search` reads that snapshot and finds the briefing', async () => {
    const w = await open();
    await dropInInbox(w.dataDir, 'svalbard-cod.md', await briefingText({ slug: 'svalbard-cod', keyword: 'svalbard' }));
    await w.sandbox.advance(MINUTE);
    expect(w.sandbox.app.archive.get('svalbard-cod')).toBeDefined();

    const archive = await LowdbBriefingArchive.open(w.dataDir);
    const search = await SearchService.open(archive, { snapshot: new CacheFile(join(w.dataDir, INDEX_SNAPSHOT_FILE)), lazy: true });
    expect(search.origin.from).toBe('snapshot');
    expect(search.view.search('svalbard')[0]?.slug).toBe('svalbard-cod');
    await search.close();
  });
});
