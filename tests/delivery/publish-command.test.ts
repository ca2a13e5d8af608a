/**
 * /publish file:<attachment>: a member with Manage Server uploads a briefing, sees an ephemeral
 * preview with the parser's warnings, and it is stored (and delivered) only on Confirm.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { InteractionHandle } from '../../src/sandbox/emulator/interactions/interaction-handle.js';
import type { StoredMessage } from '../../src/sandbox/emulator/state/stored-message.js';
import { botPosts, briefingText, messageText, slugsOf, startWorld, subscribe, type DeliveryWorld } from './support/delivery-harness.js';

let world: DeliveryWorld | undefined;
afterEach(async () => {
  await world?.sandbox.stop();
  world = undefined;
});

async function open(): Promise<DeliveryWorld> {
  world = await startWorld({ start: '2026-11-25T09:00:00.000Z' });
  await subscribe(world, { channel: 'briefings', mode: 'new' });
  return world;
}

/** A briefing without its trend section: valid, with one warning. */
async function briefingWithWarning(slug: string): Promise<string> {
  return (await briefingText({ slug })).replace(/📈 5\. Trend Predictions[\s\S]*?📐/, '📐');
}

async function publish(w: DeliveryWorld, text: string, user = 'admin', skipPermissionCheck = false): Promise<{ handle: InteractionHandle; preview: StoredMessage | undefined }> {
  const handle = w.sandbox.discord.interact.slashCommand({ name: 'publish', attachments: { file: { filename: 'upload.md', data: text, contentType: 'text/markdown' } }, user, skipPermissionCheck });
  await handle.response();
  await w.sandbox.whenIdle();
  return { handle, preview: handle.messages().at(-1) };
}

function button(message: StoredMessage | undefined, label: string): string {
  const rows = (message?.components ?? []) as { components?: { label?: string; custom_id?: string }[] }[];
  const found = rows.flatMap((r) => r.components ?? []).find((c) => c.label === label);
  if (!found?.custom_id) throw new Error(`no button ${label}`);
  return found.custom_id;
}

async function click(w: DeliveryWorld, message: StoredMessage, label: string): Promise<string> {
  const handle = w.sandbox.discord.interact.clickButton({ message, customId: button(message, label), user: 'admin' });
  await handle.response();
  await w.sandbox.whenIdle();
  return messageText(w.sandbox.discord.messages.find(message.id));
}

describe('given an admin runs /publish with a briefing file', () => {
  it('then an ephemeral preview shows the briefing and its warnings, and nothing is stored yet', async () => {
    const w = await open();
    const { preview } = await publish(w, await briefingWithWarning('published-here'));
    expect(preview?.ephemeral).toBe(true);
    expect(preview?.content).toBe('Preview: this is how the briefing will look. Nothing is stored until you confirm.');
    const text = messageText(preview);
    expect(text).toContain('LUMEN INSIGHT: PUBLISHED HERE');
    expect(text).toContain('⚠️ 1 warning');
    expect(text).toContain('no Trend Prediction section');
    expect(w.sandbox.app.archive.get('published-here')).toBeUndefined();
    expect(botPosts(w, 'briefings')).toEqual([]);
  });

  it('then Confirm stores it and subscribers get it', async () => {
    const w = await open();
    const { preview } = await publish(w, await briefingWithWarning('published-here'));
    const after = await click(w, preview as StoredMessage, 'Confirm and publish');
    expect(after).toContain('✅ Published `published-here`. New-briefing subscriptions post it within a minute; digests list it in their next one.');
    expect(w.sandbox.app.archive.get('published-here')?.revision).toBe(1);
    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['published-here']);
  });

  it('then Cancel stores nothing, and the preview loses its buttons', async () => {
    const w = await open();
    const { preview } = await publish(w, await briefingWithWarning('not-published'));
    const after = await click(w, preview as StoredMessage, 'Cancel');
    expect(after).toContain('Discarded: `not-published` was not published.');
    expect(w.sandbox.app.archive.get('not-published')).toBeUndefined();
    expect(botPosts(w, 'briefings')).toEqual([]);

    // The buttons are gone with the update: the preview cannot be confirmed any more.
    expect(w.sandbox.discord.messages.find(preview?.id as string)?.components).toEqual([]);
  });

  it('then a file that is not a briefing is refused with its problems, file and line', async () => {
    const w = await open();
    const { preview } = await publish(w, '---\nslug: nope\n---\nNo heading at all.\n');
    expect(preview?.ephemeral).toBe(true);
    const text = messageText(preview);
    expect(text).toContain('upload.md is not a briefing I can publish.');
    expect(text).toContain('upload.md:4: no title');
    expect(preview?.components).toEqual([]);
  });
});

describe('given a member without Manage Server', () => {
  it('then the client hides /publish, and the handler refuses it anyway', async () => {
    const w = await open();
    const text = await briefingText({ slug: 'member-upload' });
    expect(() => w.sandbox.discord.interact.slashCommand({ name: 'publish', attachments: { file: { filename: 'upload.md', data: text } }, user: 'member' })).toThrow(/cannot use \/publish/);
    const { preview } = await publish(w, text, 'member', true);
    expect(preview?.ephemeral).toBe(true);
    expect(messageText(preview)).toContain('Only members with Manage Server can publish briefings.');
    expect(w.sandbox.app.archive.get('member-upload')).toBeUndefined();
  });
});
