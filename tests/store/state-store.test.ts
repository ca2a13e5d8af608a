import { Memory } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { MAX_THREADS, emptyState, type StateFile } from '../../src/store/state.schema.js';
import { StateStore } from '../../src/store/state-store.js';

describe('given many threads opened under new-briefing posts', () => {
  it('then the state file remembers only the newest ones, so it stays small', async () => {
    const store = await StateStore.fromAdapter(new Memory<StateFile>());
    await store.update((state) => {
      for (let i = 0; i < MAX_THREADS + 10; i++) StateStore.rememberThread(state, String(1575126960185671680n + BigInt(i)), `b-${i}`);
    });
    const ids = Object.keys(store.data.threads);
    expect(ids).toHaveLength(MAX_THREADS);
    expect(store.data.threads[String(1575126960185671680n)]).toBeUndefined();
    expect(store.data.threads[String(1575126960185671680n + BigInt(MAX_THREADS + 9))]).toBe(`b-${MAX_THREADS + 9}`);
    expect(emptyState().threads).toEqual({});
  });
});
