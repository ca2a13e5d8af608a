/**
 * Issue 11 item 8: the token's value is redacted wherever it appears in a log line, whatever
 * shape carries it. Each probe logs the token one way; no line may contain it.
 */
import { describe, expect, it } from 'vitest';
import { createLogger, type Logger } from '../../src/log.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { [`level${depth - i}`]: value };
  return value;
}

const PROBES: { name: string; log: (logger: Logger) => void }[] = [
  { name: 'in the message string', log: (l) => l.info(`connecting with ${TOKEN}`) },
  { name: 'as a printf %s argument', log: (l) => l.info('connecting with %s', TOKEN) },
  { name: 'as a printf %o / %j argument', log: (l) => l.info('options %o then %j', { auth: `Bot ${TOKEN}` }, { header: TOKEN }) },
  { name: 'in an error logged as the first argument (message and stack)', log: (l) => l.error(new Error(`401 for ${TOKEN}`)) },
  { name: 'in an error under another key, with a cause', log: (l) => l.warn({ failure: new Error('outer', { cause: new Error(`inner ${TOKEN}`) }) }, 'failed') },
  { name: 'in an error passed as a printf argument', log: (l) => l.info('failed: %s', new Error(TOKEN)) },
  { name: 'in child logger bindings', log: (l) => l.child({ connection: `wss://x?token=${TOKEN}` }).info('child') },
  { name: 'in grandchild bindings with a msgPrefix', log: (l) => l.child({ a: 1 }).child({ b: TOKEN }, { msgPrefix: `[${TOKEN}] ` }).info('grandchild') },
  { name: 'in an object nested ten levels deep', log: (l) => l.info(nested(10, { value: TOKEN }) as object, 'deep') },
  { name: 'in arrays, including arrays of arrays', log: (l) => l.info({ list: ['x', [TOKEN], { inner: [TOKEN] }] }, 'arrays') },
  { name: 'under a key that is not named like a secret', log: (l) => l.info({ header: { value: `Bot ${TOKEN}` } }, 'header') },
];

describe('given a logger that knows the bot token', () => {
  it.each(PROBES)('when the token is logged $name, then no line contains it and the line says <redacted>', ({ log }) => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', secrets: [TOKEN], destination: { write: (line: string) => lines.push(line) } });
    log(logger);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      // Not even a recognisable piece of it.
      expect(line).not.toContain(TOKEN.slice(-24));
      expect(() => JSON.parse(line) as unknown).not.toThrow();
    }
    expect(lines.join('')).toContain('<redacted>');
  });

  it('then webhook and interaction tokens in URLs are masked, and ordinary text is untouched', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', secrets: [TOKEN], destination: { write: (line: string) => lines.push(line) } });
    logger.info({ url: 'https://discord.com/api/v10/interactions/123456789012345678/aW50ZXJhY3Rpb246MTIzNDU2Nzg5/callback' }, 'briefing japan-tariffs posted');
    expect(lines[0]).toContain('/interactions/123456789012345678/<token>/callback');
    expect(lines[0]).toContain('briefing japan-tariffs posted');
  });
});
