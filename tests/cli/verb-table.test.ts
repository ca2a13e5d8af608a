import { describe, expect, it } from 'vitest';
import { VERBS } from '../../src/cli/main.js';

describe('given the verb table lumen --help reads', () => {
  it.each(Object.entries(VERBS))('then the summary listed for %s is the verb’s own', async (name, entry) => {
    const verb = await entry.load();
    expect(verb.name).toBe(name);
    expect(entry.summary).toBe(verb.summary);
  });
});
