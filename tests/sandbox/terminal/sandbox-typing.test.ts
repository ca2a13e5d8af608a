/**
 * The sandbox types like Discord's client, through the emulator: every step is a real
 * interaction (or is refused before one is sent), and the bot's real answers come back.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../src/sandbox/sandbox.js';
import { sandboxHelp } from '../../../src/sandbox/terminal/sandbox-help.js';
import { SandboxSession, type StepReport } from '../../../src/sandbox/terminal/sandbox-session.js';
import { readScriptLine } from '../../../src/sandbox/terminal/script-line.js';
import { renderMessageText, type MessageView } from '../../../src/sandbox/terminal/render-message.js';
import { startSandbox } from '../../support/sandbox-harness.js';

let sandbox: Sandbox;
let session: SandboxSession;

beforeAll(async () => {
  sandbox = await startSandbox();
  session = new SandboxSession(sandbox);
});
afterAll(async () => {
  await sandbox.stop();
});

async function type(line: string): Promise<StepReport> {
  const read = readScriptLine(line);
  if (!read.ok) throw new Error(read.error);
  return session.run(read.step);
}

const text = (report: StepReport): string => report.messages.map((m) => renderMessageText(m.data as MessageView, { color: false })).join('\n');
/** The options of the slash command interaction the step sent (type 2), as the bot received them. */
const sentOptions = (report: StepReport): Record<string, unknown> => {
  const record = sandbox.discord.interactions.all().filter((i) => i.type === 2).at(-1);
  const options = ((record?.payload as { data?: { options?: { name: string; value: unknown }[] } }).data?.options ?? []).map((o) => [o.name, o.value]);
  expect(report.requests.length).toBeGreaterThan(0);
  return Object.fromEntries(options);
};

describe('given commands typed in the sandbox', () => {
  it('given /brief japan-tariffs (the value right after the name), then the card comes back', async () => {
    const report = await type('/brief japan-tariffs');
    expect(report.notes).toEqual([]);
    expect(sentOptions(report)).toEqual({ briefing: 'japan-tariffs' });
    expect(text(report)).toContain('LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS');
  });

  it('given /brief japan-tariffs trends, then positional values fill the options in declared order', async () => {
    const report = await type('/brief japan-tariffs trends');
    expect(sentOptions(report)).toEqual({ briefing: 'japan-tariffs', section: 'trends' });
    expect(text(report)).toContain('Trend Prediction');
  });

  it('given /ask question:will japan retaliate, unquoted, then it is one question', async () => {
    const report = await type('/ask question:will japan retaliate');
    expect(sentOptions(report)).toEqual({ question: 'will japan retaliate' });
    expect(text(report)).toContain('“will japan retaliate”');
  });

  it('given an option the command does not have, then nothing is sent and the note names the options', async () => {
    const report = await type('/brief briefing:japan-tariffs colour:blue');
    expect(report.requests).toEqual([]);
    expect(report.notes).toEqual(['error: /brief has no option "colour": its options are briefing, section']);
  });

  it('given an autocomplete option with a typo, then the suggestions are shown, the typed text is sent, and the bot resolves it', async () => {
    const report = await type('/brief briefing:japan tarifs');
    expect(report.notes).toEqual(['autocomplete for briefing:"japan tarifs" offered japan-tariffs, japan-us-defense-costs; sent as typed']);
    expect(report.requests.map((r) => (r.body as { type?: number } | undefined)?.type)).toEqual([8, 4]);
    expect(sentOptions(report)).toEqual({ briefing: 'japan tarifs' });
    expect(text(report)).toContain('Showing `japan-tariffs`, the closest match to “japan tarifs”.');
  });

  it('given a member typing a command that needs Manage Channels, then the note says what Discord shows, with no emulator internals', async () => {
    await type('@as member');
    const report = await type('/subscribe channel:#briefings mode:new');
    await type('@as admin');
    expect(report.requests).toEqual([]);
    expect(report.notes).toEqual(['error: member does not see /subscribe: Discord lists it only for members with Manage Channels']);
  });

  it('given /publish file:<path>, then that local file is uploaded as the attachment and can be confirmed', async () => {
    const preview = await type('/publish file:examples/new-briefing.md');
    expect(preview.notes).toEqual([]);
    expect(text(preview)).toContain('LUMEN INSIGHT: TAIPEI TIGHTENS THE CHIP GATE ON CHINA');
    const confirmed = await type('@click Confirm and publish');
    expect(text(confirmed)).toContain('Published `taiwan-chips-follow-up`');
    expect(sandbox.app.library.get('taiwan-chips-follow-up')).toBeDefined();
    expect((await type('/publish file:examples/no-such-file.md')).notes).toEqual(['error: cannot upload examples/no-such-file.md: no such file']);
  });

  it('given @in forum, then a command is refused as Discord refuses it (no message box in a forum itself), and nothing is sent', async () => {
    await type('@in forum');
    const report = await type('/brief japan-tariffs');
    await type('@in general');
    expect(report.requests).toEqual([]);
    expect(report.notes).toEqual(['error: #forum is a forum: Discord offers no message box in the forum itself, only in its posts; it has no posts yet']);
  });

  it('given a post in the forum, then a command typed in the post goes through', async () => {
    await type('/subscribe channel:#forum mode:new');
    const file = join(await mkdtemp(join(tmpdir(), 'lumen-forum-')), 'forum-post.md');
    await writeFile(file, (await readFile('examples/new-briefing.md', 'utf8')).replace('slug: taiwan-chips-follow-up', 'slug: forum-post'));
    await type(`@import ${file}`);
    await type('@advance 2m');
    const post = sandbox.discord.guild.threads(sandbox.discord.channelId('forum'))[0];
    expect(post).toBeDefined();
    const refused = await type('@in forum');
    expect(refused.notes).toEqual([]);
    const again = await type('/brief japan-tariffs');
    expect(again.notes[0]).toContain(`open one of its posts first (@in ${post?.name})`);
    await type(`@in ${post?.name}`);
    const inPost = await type('/brief japan-tariffs');
    await type('@in general');
    expect(inPost.notes).toEqual([]);
    expect(text(inPost)).toContain('LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS');
  });

  it('then the help lists every channel, the forum too, and every user', () => {
    const help = sandboxHelp(sandbox);
    for (const name of ['general', 'briefings', 'analysts', 'forum (a forum: type in its posts)']) expect(help).toContain(name);
    expect(help).toContain('who is typing: admin, member, analyst');
    expect(help).toContain('/brief japan-tariffs');
  });

  it('given @help in a script, then the same help is its note', async () => {
    expect((await type('@help')).notes).toEqual([sandboxHelp(sandbox)]);
  });
});

describe('given a step naming something that cannot be used', () => {
  it('then @import of a missing file says "cannot import PATH: no such file", without Node text', async () => {
    expect((await type('@import /nonexistent.md')).notes).toEqual(['error: cannot import /nonexistent.md: no such file']);
  });

  it('then @click on a disabled button names the button by its label, not its custom_id', async () => {
    await type('/search query:tariffs');
    const report = await type('@click Previous');
    expect(report.requests).toEqual([]);
    expect(report.notes).toEqual(['error: the "◀ Previous" button is disabled']);
  });
});
