import { describe, expect, it } from 'vitest';
import { DISCORD_EPOCH, SnowflakeGenerator } from '../../src/sandbox/emulator/index.js';

describe('SnowflakeGenerator', () => {
  it('given a time, then the id encodes it and decodes back (docs/discord-facts.md §11)', () => {
    const at = Date.parse('2026-03-01T12:00:00Z');
    const id = new SnowflakeGenerator(() => at).next();
    expect(id).toMatch(/^\d{17,19}$/);
    expect(SnowflakeGenerator.timestampOf(id)).toBe(at);
    expect(BigInt(id) >> 22n).toBe(BigInt(at - DISCORD_EPOCH));
  });

  it('given a frozen clock, then ids still strictly increase', () => {
    const ids = new SnowflakeGenerator(() => Date.parse('2026-03-01T12:00:00Z'));
    const batch = Array.from({ length: 5_000 }, () => BigInt(ids.next()));
    expect(batch.every((id, i) => i === 0 || id > (batch[i - 1] ?? 0n))).toBe(true);
  });
});
