import { describe, expect, it } from 'vitest';
import { sharedSpecChecker } from '../../src/sandbox/emulator/spec/spec-checker.js';
import { validateMessage } from '../../src/sandbox/emulator/validation/validate-message.js';
import { getBriefing } from '../support/briefing-factory.js';
import { generateBriefing, Rng } from './briefing-generator.js';
import { renderEverything } from './render-everything.js';

const checker = sharedSpecChecker();
const createMessage = checker.operations.find('POST', '/channels/1/messages');
const createMessageSchema = createMessage && checker.requestSchema(createMessage);

// Two independent opinions: the local Discord's own validator (code points, trimmed, Discord's error
// shapes) and Discord's OpenAPI description (vendor/discord-api-spec) must both accept what the renderer
// produces, with allowed_mentions as the glue adds it.
describe('given the local Discord emulator’s message validator and Discord’s OpenAPI description', () => {
  it('then the spec has the create-message operation and its body schema', () => {
    expect(createMessage?.operationId).toBe('create_message');
    expect(createMessageSchema).toBeDefined();
  });

  it.each([
    ['the seed', () => getBriefing()],
    ['an extreme generated briefing', () => generateBriefing(new Rng(15), 'extreme')],
    ['a medium generated briefing', () => generateBriefing(new Rng(2), 'medium')],
    ['a tiny generated briefing', () => generateBriefing(new Rng(3), 'tiny')],
  ])('then both accept every message rendered from %s', (_name, make) => {
    for (const { label, payload } of renderEverything(make(), new Rng(5))) {
      const body = { ...payload, allowed_mentions: { parse: [] } };
      expect(() => validateMessage(body, { mode: 'create' }), label).not.toThrow();
      expect(checker.validators.validate(createMessageSchema ?? '', JSON.parse(JSON.stringify(body))), label).toEqual([]);
    }
  });

  it('then the spec refuses a payload past its limits, so the check can fail', () => {
    expect(checker.validators.validate(createMessageSchema ?? '', { embeds: [{ title: 'a'.repeat(257) }] })).not.toEqual([]);
  });
});
