import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

const load = (env: Record<string, string>) => loadConfig(env, '/srv/lumen');

describe('the HTTP port configuration', () => {
  it('given nothing set, then the port is off and would listen on loopback, without an ingest token', () => {
    const result = load({});
    expect(result.ok && [result.config.httpPort, result.config.httpHost, result.config.ingestToken]).toEqual([undefined, '127.0.0.1', undefined]);
  });

  it('given a port, a host and a token, then they are taken', () => {
    const result = load({ LUMEN_HTTP_PORT: '9464', LUMEN_HTTP_HOST: '0.0.0.0', LUMEN_INGEST_TOKEN: 't'.repeat(32) });
    expect(result.ok && [result.config.httpPort, result.config.httpHost, result.config.ingestToken]).toEqual([9464, '0.0.0.0', 't'.repeat(32)]);
  });

  it('given a bad port, then the message names the variable and what it accepts', () => {
    expect(load({ LUMEN_HTTP_PORT: '70000' })).toEqual({ ok: false, message: 'LUMEN_HTTP_PORT: must be a port number (1–65535) (got "70000")' });
    expect(load({ LUMEN_HTTP_PORT: 'http' })).toEqual({ ok: false, message: 'LUMEN_HTTP_PORT: must be a port number (1–65535) (got "http")' });
  });

  it('given a short ingest token, then it is refused without printing it', () => {
    const result = load({ LUMEN_INGEST_TOKEN: 'hunter2hunter2' });
    expect(result).toEqual({ ok: false, message: 'LUMEN_INGEST_TOKEN: must be at least 32 characters (e.g. `openssl rand -hex 32`) (got "***")' });
  });

  it('given a host that is not an address or a name, then it is refused', () => {
    expect(load({ LUMEN_HTTP_HOST: 'not a host' })).toMatchObject({ ok: false, message: expect.stringMatching(/^LUMEN_HTTP_HOST: must be an IP address or a host name/) });
  });
});
