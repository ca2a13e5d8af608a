import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/sandbox.js';
import { startSandbox } from '../support/sandbox-harness.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.stop();
});

describe('given /brief briefing:japan-tariffs', () => {
  it('then the bot replies with the compact card: title, summary, key variables, trends and buttons', async () => {
    const handle = sandbox.discord.interact.slashCommand({ name: 'brief', options: { briefing: 'japan-tariffs' } });
    const response = await handle.response();
    expect(response.type).toBe(4);
    const message = response.message?.data as { embeds: { title: string; description: string; fields: { name: string; value: string }[] }[]; components: { components: { label?: string }[] }[]; flags?: number };
    console.log(JSON.stringify(message, null, 1).slice(0, 3000));
    expect(message.embeds[0]?.title).toBe('LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS');
  });
});
