import { describe, expect, it } from 'vitest';
import { validateMessage } from '../../src/sandbox/emulator/validation/validate-message.js';
import { getBriefing } from '../support/briefing-factory.js';
import { generateBriefing, Rng } from './briefing-generator.js';
import { renderEverything } from './render-everything.js';

// A second, independent opinion: the local Discord's own validator (code points, trimmed, Discord's
// error shapes) must accept what the renderer produces, with allowed_mentions as the glue adds it.
describe('given the local Discord emulator’s message validator', () => {
  it.each([
    ['the seed', () => getBriefing()],
    ['an extreme generated briefing', () => generateBriefing(new Rng(15), 'extreme')],
    ['a medium generated briefing', () => generateBriefing(new Rng(2), 'medium')],
    ['a tiny generated briefing', () => generateBriefing(new Rng(3), 'tiny')],
  ])('then it accepts every message rendered from %s', (_name, make) => {
    for (const { label, payload } of renderEverything(make(), new Rng(5))) {
      expect(() => validateMessage({ ...payload, allowed_mentions: { parse: [] } }, { mode: 'create' }), label).not.toThrow();
    }
  });
});
