import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StateFile } from '../../src/store/state.schema.js';
import { runLumen, tempDataDir } from '../support/run-cli.js';

const record = (at: string, outcome: StateFile['deliveries'][number]['outcome'], reason?: string): StateFile['deliveries'][number] => ({
  at,
  subscriptionId: 'sub-1',
  guildId: '1575126960185671670',
  channelId: '1575126960185671680',
  kind: 'new',
  slugs: ['japan-tariffs'],
  outcome,
  ...(reason ? { reason } : {}),
});

describe('given a state file with a delivery log', () => {
  it('then lumen deliveries --json prints the newest records with outcome and reason', async () => {
    const dataDir = await tempDataDir();
    const state: StateFile = {
      version: 1,
      subscriptions: [],
      threads: {},
      deliveries: [
        record('2026-11-25T08:00:00.000Z', 'retrying', 'Discord answered 503'),
        record('2026-11-25T08:01:00.000Z', 'posted'),
        record('2026-11-25T09:00:00.000Z', 'paused-missing-permissions', 'the bot may not post there (Missing Permissions)'),
      ],
    };
    await writeFile(join(dataDir, 'state.json'), JSON.stringify(state));
    const run = await runLumen(['deliveries', '--json', '--limit', '2'], { dataDir });
    expect(run.code).toBe(0);
    expect(run.json()).toEqual(state.deliveries.slice(1));
    const human = await runLumen(['deliveries'], { dataDir });
    expect(human.stdout).toContain('paused-missing-permissions');
    expect(human.stdout).toContain('(the bot may not post there (Missing Permissions))');
  });

  it('then a hand-broken state file is refused naming it', async () => {
    const dataDir = await tempDataDir();
    await writeFile(join(dataDir, 'state.json'), '{"version":1,"subscriptions":"oops"}');
    const run = await runLumen(['deliveries'], { dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join(dataDir, 'state.json')}: does not match the expected shape`);
  });
});
