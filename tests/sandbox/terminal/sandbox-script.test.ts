import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runLumen, tempDataDir } from '../../support/run-cli.js';

const BIN = fileURLToPath(new URL('../../../bin/lumen.js', import.meta.url));

interface JsonLine {
  sandbox?: { guildId: string; channels: Record<string, string>; users: Record<string, string> };
  step?: string;
  notes?: string[];
  method?: string;
  path?: string;
  body?: { type?: number; data?: { embeds?: { title?: string }[]; flags?: number; allowed_mentions?: unknown } };
  status?: number;
}

async function runScript(lines: string[], json: boolean) {
  const dataDir = await tempDataDir();
  const script = join(dataDir, 'script.txt');
  await writeFile(script, `${lines.join('\n')}\n`);
  return runLumen(['sandbox', '--script', script, ...(json ? ['--json'] : [])], { dataDir });
}

describe('given lumen sandbox --script --json', () => {
  it('then it prints the sandbox ids, then each step followed by the REST requests the bot made for it', async () => {
    const run = await runScript(['# a comment is not a step', '/brief briefing:japan-tariffs', '@as member', '@click Trends', '@in briefings'], true);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as JsonLine);
    const first = lines[0]?.sandbox;
    expect(first && Object.keys(first.channels)).toEqual(expect.arrayContaining(['general', 'briefings', 'analysts']));
    expect(first?.users.admin).toMatch(/^\d{17,19}$/);
    expect(lines.filter((l) => l.step !== undefined).map((l) => l.step)).toEqual(['/brief briefing:japan-tariffs', '@as member', '@click Trends', '@in briefings']);

    const briefStep = lines.findIndex((l) => l.step === '/brief briefing:japan-tariffs');
    const requests = lines.slice(briefStep + 1, lines.findIndex((l, i) => i > briefStep && l.step !== undefined));
    // The client asked for autocomplete on `briefing` first (type 8), then got the card (type 4).
    expect(requests.map((r) => r.body?.type)).toEqual([8, 4]);
    expect(requests.every((r) => r.method === 'POST' && r.status === 204)).toBe(true);
    expect(requests[1]?.body?.data?.embeds?.[0]?.title).toBe('LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS');
    expect(requests[1]?.body?.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });

    // The member presses Trends on the admin's public card and alone sees the answer.
    const click = lines.findIndex((l) => l.step === '@click Trends');
    expect(lines[click + 1]?.body?.type).toBe(4);
    expect(lines[click + 1]?.body?.data?.flags).toBe(64);
    expect(lines[click + 2]?.step).toBe('@in briefings');
  });

  it('then a step that cannot be done is reported with the reason and the run exits 1', async () => {
    const run = await runScript(['@in briefings', '@click Trends'], true);
    expect(run.code).toBe(1);
    const click = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as JsonLine).find((l) => l.step === '@click Trends');
    expect(click?.notes).toEqual(['error: no message in #briefings has a button "Trends"']);
  });
});

describe('given lumen sandbox --script without --json', () => {
  it('then the conversation reads like a channel: embeds as titled blocks, buttons as [Label]', async () => {
    const run = await runScript(['/brief briefing:"japan tarifs"', '@click Trends'], false);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('> /brief briefing:"japan tarifs"');
    // Autocomplete is shown, not picked: the bot itself resolves the typo, as it must on Discord.
    expect(run.stdout).toContain('autocomplete for briefing:"japan tarifs" offered japan-tariffs');
    expect(run.stdout).toContain('Showing `japan-tariffs`, the closest match to “japan tarifs”.');
    expect(run.stdout).toContain('── Lumen Briefings in #general (reply to admin)');
    expect(run.stdout).toContain('│ LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS');
    expect(run.stdout).toContain('[Key variables] [Trends] [Positions] [Full briefing]');
    expect(run.stdout).toContain('(reply to admin, only they can see it)');
  });

  it('then /brief japan-tariffs typed positionally runs, and an option the command lacks stops the run before it starts (exit 2)', async () => {
    const run = await runScript(['/brief japan-tariffs'], false);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('│ LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS');
    const bad = await runScript(['/brief japan-tariffs', '/brief briefing:japan-tariffs colour:blue'], false);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/script\.txt:2: \/brief has no option "colour": its options are briefing, section\n$/);
  });

  it('then @reply answers a question typed as a reply to the bot’s card, about that card’s briefing', async () => {
    const run = await runScript(['/brief japan-tariffs', '@advance 1h', '@as member', '@reply Is Trump going to ease the car duties on Toyota and Honda?'], false);
    expect(run.code).toBe(0);
    const answer = run.stdout.slice(run.stdout.indexOf('@reply'));
    expect(answer).toContain('── Lumen Briefings in #general (reply to member)');
    expect(answer).toContain('│ 🧨 Key variable 1: Will the U.S. reassess tariffs on Japanese automakers or the chip industry?');
    expect(answer).toContain('│ Asked in reply to this briefing.');
    const none = await runScript(['@reply will japan retaliate?'], false);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('the bot has posted nothing in #general to reply to');
  });

  it('then a line it cannot read stops the run before anything starts, naming file and line (exit 2)', async () => {
    const run = await runScript(['/brief briefing:japan-tariffs', '@advance later'], false);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/script\.txt:2: @advance needs a duration such as 30m, 3h or 2d/);
  });
});

describe('given npm start without a DISCORD_TOKEN', () => {
  it('then it says so in one line, lists every channel and user, starts the prompt and answers /brief japan-tariffs typed positionally', async () => {
    const dataDir = await tempDataDir();
    const env = { ...process.env, LUMEN_DATA_DIR: dataDir, DISCORD_TOKEN: '' };
    const child = spawn(process.execPath, [BIN, 'start'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stdin.write('/brief japan-tariffs\n');
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('No DISCORD_TOKEN set: starting the local sandbox, an emulated Discord in this terminal.');
    expect(out).toContain('#general as admin ›');
    expect(out).toContain('which channel: general, briefings, analysts, forum (a forum: type in its posts)');
    expect(out).toContain('who is typing: admin, member, analyst');
    expect(out).toContain('LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS');
  });
});
