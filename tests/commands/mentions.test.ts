import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBriefingBytes, saveParsed } from '../../src/import/import-briefing-files.js';
import type { Sandbox } from '../../src/sandbox/sandbox.js';
import type { RecordedRequest } from '../../src/sandbox/emulator/rest/request-log.js';
import type { StoredMessage } from '../../src/sandbox/emulator/state/stored-message.js';
import { componentsOf, liftFollowUpLimits, rejectedRequests, settle, startLoggedSandbox, textOf, type LogLines } from './helpers/e2e.js';

let sandbox: Sandbox;
let log: LogLines;
const SLUG = 'ping-everyone';

/** A briefing whose every section tries to ping: @everyone, @here, a role and a user (fake ids and the guild's real ones). */
function hostileBriefing(roleId: string, userId: string): string {
  const pings = `@everyone @here <@&123456789012345678> <@123456789012345678> <@!123456789012345678> <@&${roleId}> <@${userId}>`;
  return `---
slug: ${SLUG}
date: 2026-11-20
---
# Title
@everyone LISTEN: <@&${roleId}> TARIFFS

# Summary
${pings} A summary that would ping everyone.

# News Comment
🗞️ 1. Incident Identification
${pings} The incident.

🎯 2. Motivation Analysis
•	Outward: ${pings} wants attention.
•	Inward: plain words.

📊 3. Structural Perspectives

| Variables | U.S. Position | @everyone Position |
|-----------|---------------|--------------------|
| Tariffs <@&${roleId}> | ${pings} pressure | buffer @here |
| Security | alliance <@${userId}> | autonomy |

🧨 4. Key Variables
•	Will @everyone see <@&${roleId}> tariffs?
•	Will <@${userId}> be pinged @here?

📈 5. Trend Prediction
•	${pings} trends up.
•	Nobody is pinged.

📐 Structural Summary
${pings} The end.
`;
}

beforeAll(async () => {
  ({ sandbox, log } = await startLoggedSandbox());
  liftFollowUpLimits(sandbox);
  const now = sandbox.options.clock.now();
  const markdown = hostileBriefing(sandbox.discord.roleId('Analysts'), sandbox.discord.userId('member'));
  const parsed = parseBriefingBytes(Buffer.from(markdown), `${SLUG}.md`, now);
  expect(parsed.ok).toBe(true);
  const report = await saveParsed(sandbox.app.archive, [parsed], now);
  expect(report.saved.map((s) => s.slug)).toEqual([SLUG]);
});
afterAll(async () => {
  await sandbox.stop();
});

/** Request bodies that carry a message: replies, updates, follow-ups and edits (not defers or autocomplete). */
function messageBodies(requests: readonly RecordedRequest[]): Record<string, unknown>[] {
  const bodies: Record<string, unknown>[] = [];
  for (const request of requests) {
    const body = request.body as Record<string, unknown> | undefined;
    if (!body) continue;
    if (/^\/interactions\/\d+\/[^/]+\/callback/.test(request.path)) {
      if (body.type === 4 || body.type === 7) bodies.push(body.data as Record<string, unknown>);
    } else if (/^\/webhooks\/|^\/channels\//.test(request.path) && (request.method === 'POST' || request.method === 'PATCH')) {
      bodies.push(body);
    }
  }
  return bodies;
}

/** What Discord would render as a live ping or mention. */
const LIVE_MENTION = /@(everyone|here)|<@[!&]?\d+>/;

describe('given a briefing whose text contains @everyone, @here, role and user mentions', () => {
  const messages: StoredMessage[] = [];
  let requests: RecordedRequest[] = [];

  beforeAll(async () => {
    sandbox.discord.clearRequests();
    const commands: { name: string; options: Record<string, string | number> }[] = [
      { name: 'brief', options: { briefing: SLUG } },
      { name: 'brief', options: { briefing: SLUG, section: 'full' } },
      ...['summary', 'incident', 'motivations', 'structure', 'variables', 'trends', 'structural'].map((section) => ({ name: 'brief', options: { briefing: SLUG, section } })),
      { name: 'position', options: { briefing: SLUG } },
      { name: 'position', options: { briefing: SLUG, actor: 'us' } },
      { name: 'position', options: { briefing: SLUG, actor: 'nobody' } },
      { name: 'variable', options: { briefing: SLUG } },
      { name: 'variable', options: { briefing: SLUG, number: 1 } },
      { name: 'variable', options: { briefing: SLUG, number: 7 } },
      { name: 'trend', options: { briefing: SLUG, number: 1 } },
      { name: 'search', options: { query: 'everyone ping tariffs' } },
      { name: 'ask', options: { question: 'Will everyone see the tariffs?', briefing: SLUG } },
    ];
    let card: StoredMessage | undefined;
    for (const command of commands) {
      const { messages: answer } = await settle(log, sandbox.discord.interact.slashCommand(command));
      messages.push(...answer);
      card ??= answer[0];
    }
    for (const view of ['var', 'trd', 'pos', 'full']) {
      const { messages: answer } = await settle(log, sandbox.discord.interact.clickButton({ message: card as StoredMessage, customId: `lb1|sec|${SLUG}|${view}` }));
      messages.push(...answer);
    }
    const picked = await settle(log, sandbox.discord.interact.selectMenu({ message: card as StoredMessage, customId: `lb1|var|${SLUG}`, values: ['2'] }));
    messages.push(...picked.messages);
    requests = sandbox.discord.requests;
  });

  it('then every answer was accepted, and the card shows the text', () => {
    expect(rejectedRequests(sandbox)).toEqual([]);
    expect(messages.length).toBeGreaterThan(20);
    expect(textOf(messages.slice(0, 1))).toContain('LISTEN');
  });

  it('then every message the bot sent carries allowed_mentions with parse [] and no roles or users', () => {
    const bodies = messageBodies(requests);
    expect(bodies.length).toBeGreaterThanOrEqual(messages.length);
    for (const body of bodies) {
      const allowed = body.allowed_mentions as { parse?: unknown; roles?: unknown[]; users?: unknown[] } | undefined;
      expect(allowed).toBeDefined();
      expect(allowed?.parse).toEqual([]);
      expect(allowed?.roles ?? []).toEqual([]);
      expect(allowed?.users ?? []).toEqual([]);
    }
  });

  it('then the emulator records no mention on any message: no @everyone, no role, no user', () => {
    for (const message of messages) {
      expect(message.allowedMentions?.parse).toEqual([]);
      expect(message.data.mention_everyone).toBe(false);
      expect(message.data.mention_roles).toEqual([]);
      expect(message.data.mentions).toEqual([]);
    }
  });

  it('then no displayed text even looks like a live mention', () => {
    const labels = messages.flatMap(componentsOf).flatMap((c) => [c.label, c.placeholder, ...(c.options ?? []).flatMap((o) => [o.label, o.description])]);
    const text = [textOf(messages), ...labels.filter((l): l is string => l !== undefined)].join('\n');
    expect(text).toContain('@\u200beveryone');
    expect(text).not.toMatch(LIVE_MENTION);
  });
});
