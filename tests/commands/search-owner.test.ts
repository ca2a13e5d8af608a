/**
 * Issue 11 item 10: only whoever ran a public /search pages it. Anyone else pressing Previous or
 * Next gets a private copy of that page (with buttons of their own); the public message stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCustomId } from '../../src/interaction-ids/custom-ids.js';
import type { Sandbox } from '../../src/sandbox/sandbox.js';
import type { StoredMessage } from '../../src/sandbox/emulator/state/stored-message.js';
import { buttonsOf, embedsOf, settle, startLoggedSandbox, type LogLines } from './helpers/e2e.js';

let sandbox: Sandbox;
let log: LogLines;

beforeAll(async () => {
  ({ sandbox, log } = await startLoggedSandbox());
});
afterAll(async () => {
  await sandbox.stop();
});

const next = (message: StoredMessage | undefined) => buttonsOf(message).find((b) => b.label === 'Next ▶');
const previous = (message: StoredMessage | undefined) => buttonsOf(message).find((b) => b.label === '◀ Previous');
const pageLine = (message: StoredMessage | undefined) => /^Page \d+ of \d+/.exec(embedsOf(message)[0]?.description ?? '')?.[0];

describe('given an admin runs a public /search query:tariffs', () => {
  let page1: StoredMessage;
  beforeAll(async () => {
    const { messages } = await settle(log, sandbox.discord.interact.slashCommand({ name: 'search', options: { query: 'tariffs' }, user: 'admin' }));
    page1 = messages[0] as StoredMessage;
  });

  it('then its Previous/Next ids name the admin as owner', () => {
    expect(page1.ephemeral).toBe(false);
    expect(decodeCustomId(next(page1)?.custom_id ?? '')).toEqual({ kind: 'search', page: 2, query: 'tariffs', owner: sandbox.discord.userId('admin') });
  });

  it('when a member presses Next, then the public message is unchanged and the member gets page 2 privately, with their own buttons', async () => {
    const handle = sandbox.discord.interact.clickButton({ message: page1, customId: next(page1)?.custom_id ?? '', user: 'member' });
    const { messages, summary } = await settle(log, handle);
    expect(summary).toMatchObject({ command: 'component:search', outcome: 'ok' });
    expect(handle.record.callbackType).toBe(4);
    const copy = messages[0];
    expect(copy?.ephemeral).toBe(true);
    expect(pageLine(copy)).toMatch(/^Page 2 of/);
    expect(decodeCustomId(previous(copy)?.custom_id ?? '')).toMatchObject({ page: 1, owner: sandbox.discord.userId('member') });
    const publicNow = sandbox.discord.messages.get(page1.id) as StoredMessage;
    expect(publicNow.revisions).toHaveLength(0);
    expect(pageLine(publicNow)).toMatch(/^Page 1 of/);

    // The member pages their own copy in place.
    const own = sandbox.discord.interact.clickButton({ message: copy as StoredMessage, customId: previous(copy)?.custom_id ?? '', user: 'member' });
    await settle(log, own);
    expect(own.record.callbackType).toBe(7);
    expect(pageLine(sandbox.discord.messages.get((copy as StoredMessage).id))).toMatch(/^Page 1 of/);
  });

  it('when the admin presses Next, then the public message moves to page 2', async () => {
    const handle = sandbox.discord.interact.clickButton({ message: page1, customId: next(page1)?.custom_id ?? '', user: 'admin' });
    await settle(log, handle);
    expect(handle.record.callbackType).toBe(7);
    expect(pageLine(sandbox.discord.messages.get(page1.id))).toMatch(/^Page 2 of/);
  });
});
