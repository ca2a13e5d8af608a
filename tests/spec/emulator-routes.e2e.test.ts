import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiscord } from '../../src/sandbox/emulator/index.js';
import { sharedSpecChecker } from '../../src/sandbox/emulator/spec/spec-checker.js';

/** Success statuses each route answers with, where it is not 200 (from the route handlers). */
const SUCCESS: Record<string, number[]> = {
  'POST /applications/:application_id/commands': [200, 201],
  'POST /applications/:application_id/guilds/:guild_id/commands': [200, 201],
  'POST /channels/:channel_id/threads': [201],
  'POST /channels/:channel_id/messages/:message_id/threads': [201],
  'DELETE /channels/:channel_id/messages/:message_id': [204],
  'DELETE /applications/:application_id/commands/:command_id': [204],
  'DELETE /applications/:application_id/guilds/:guild_id/commands/:command_id': [204],
  'DELETE /webhooks/:application_id/:token/messages/:message_id': [204],
  'POST /interactions/:interaction_id/:token/callback': [200, 204],
};

describe('given every REST route the emulator serves', () => {
  let discord: LocalDiscord;
  const checker = sharedSpecChecker();

  beforeAll(async () => {
    discord = await LocalDiscord.start();
  });

  afterAll(async () => {
    await discord.close();
  });

  it('then each maps to an operation of Discord’s OpenAPI description, which lists its success statuses and 4XX', () => {
    const problems: string[] = [];
    expect(discord.routes.length).toBeGreaterThan(20);
    for (const { method, template } of discord.routes) {
      const concrete = template.replace(/:[a-z_]+/g, '1');
      const operation = checker.operations.find(method, concrete);
      if (!operation) {
        problems.push(`${method} ${template}: no operation`);
        continue;
      }
      const listed = checker.listedStatuses(operation);
      for (const status of SUCCESS[`${method} ${template}`] ?? [200]) {
        if (checker.responseSchema(operation, status) === undefined) problems.push(`${method} ${template} (${operation.operationId}): ${status} not in [${listed.join(', ')}]`);
      }
      if (!listed.includes('4XX')) problems.push(`${method} ${template}: no 4XX`);
    }
    expect(problems).toEqual([]);
  });

  it('then a made-up route is not found in the spec, so the mapping can fail', () => {
    expect(checker.operations.find('GET', '/no/such/route')).toBeUndefined();
  });
});
