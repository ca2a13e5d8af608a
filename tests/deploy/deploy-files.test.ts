/**
 * The Dockerfile and compose.yaml cannot be built on these machines (no container engine), so
 * they are checked here as text: standard shape, non-root, health-checked, and naming only
 * variables the configuration knows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigSchema } from '../../src/config.js';

const read = (name: string) => readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');
const known = new Set(Object.keys(ConfigSchema.shape));

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }>;
  stop_grace_period?: string;
}

/** A compose duration (`90s`, `2m`, `1m30s`) in seconds. */
function seconds(duration: string): number {
  const parts = [...duration.matchAll(/(\d+)(h|m|s)/g)];
  expect(parts.map((p) => p[0]).join('')).toBe(duration);
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * (unit === 'h' ? 3600 : unit === 'm' ? 60 : 1), 0);
}

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as { services: Record<string, Service>; volumes: Record<string, unknown> };
  const bot = compose.services['bot'] as Service;
  const postgres = compose.services['postgres'] as Service;

  it('then the bot sets only variables that src/config.ts knows', () => {
    const names = Object.keys(bot.environment ?? {});
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !known.has(name))).toEqual([]);
  });

  it('then the bot keeps its data in the compose PostgreSQL, as that service’s user and database', () => {
    const url = new URL((bot.environment?.['LUMEN_DATABASE_URL'] ?? '').replace('${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}', 'secret'));
    expect([url.protocol, url.hostname, url.port, url.username, url.pathname]).toEqual(['postgres:', 'postgres', '5432', postgres.environment?.['POSTGRES_USER'], `/${postgres.environment?.['POSTGRES_DB']}`]);
    expect(bot.environment?.['LUMEN_DATABASE_URL']).toContain('${POSTGRES_PASSWORD:?');
  });

  it('then PostgreSQL keeps its data in a named volume and is health-checked with pg_isready', () => {
    expect(postgres.image).toMatch(/^postgres:\d+/);
    const volume = postgres.volumes?.find((v) => v.endsWith(':/var/lib/postgresql/data'));
    expect(volume && Object.keys(compose.volumes)).toContain(volume?.split(':')[0]);
    expect(JSON.stringify(postgres.healthcheck?.test)).toContain('pg_isready');
  });

  it('then the bot waits for a healthy database, keeps its data in a volume, and has a stop grace period longer than a 1,000-channel digest', () => {
    expect(bot.build).toBeDefined();
    expect(bot.depends_on?.['postgres']?.condition).toBe('service_healthy');
    expect(bot.volumes?.some((v) => v.endsWith(`:${bot.environment?.['LUMEN_DATA_DIR']}`))).toBe(true);
    expect(seconds(bot.stop_grace_period ?? '0s')).toBeGreaterThanOrEqual(60);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const of = (word: string) => instructions.filter((line) => line.toUpperCase().startsWith(`${word} `));

  it('then every stage is Node 22 or newer, with a build stage apart from the one that runs', () => {
    const froms = of('FROM');
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(Number(/^FROM node:(\d+)/i.exec(from)?.[1])).toBeGreaterThanOrEqual(22);
    expect(of('COPY').some((line) => /--from=build/.test(line))).toBe(true);
  });

  it('then it installs the lock file, builds, and drops the dev dependencies', () => {
    const runs = of('RUN').join('\n');
    expect(runs).toMatch(/npm ci\b/);
    expect(runs).toMatch(/npm run build/);
    expect(runs).toMatch(/npm prune --omit=dev/);
  });

  it('then it runs as a user other than root, health-checked on /healthz, the compiled bot', () => {
    const users = of('USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^USER\s+(root|0)(:|\s|$)/i);
    expect(of('HEALTHCHECK').join(' ')).toContain('/healthz');
    expect(of('CMD').at(-1)).toBe('CMD ["node", "bin/lumen.js", "start"]');
  });

  it('then the variables it sets are ones src/config.ts knows', () => {
    const names = of('ENV').flatMap((line) => [...line.slice(4).matchAll(/([A-Z_][A-Z0-9_]*)=/g)].map((m) => m[1] as string));
    expect(names).toContain('LUMEN_HTTP_PORT');
    expect(names.filter((name) => name !== 'NODE_ENV' && !known.has(name))).toEqual([]);
  });
});

describe('.dockerignore', () => {
  it('then secrets, dependencies and local data stay out of the image', () => {
    const lines = read('.dockerignore').split('\n');
    for (const entry of ['.env', 'node_modules', '.git', 'data/*']) expect(lines).toContain(entry);
  });
});
