// Parses every shape of adversarial-shapes.ts at one size in a process of its own, and prints the
// median time of each as JSON: `{ "<shape>": ms }`.
import { parseBriefing } from '../../src/domain/parse-briefing.js';
import { ALL_SHAPES, PLAIN } from './adversarial-shapes.js';

const bytes = Number(process.argv[2]);
const runs = Number(process.argv[3] ?? 3);
const now = new Date('2026-11-25T00:00:00.000Z');
for (let i = 0; i < 5; i++) parseBriefing(PLAIN.make(64 * 1024), { fileName: 'warm-up.md', now });

const times: Record<string, number> = {};
for (const shape of ALL_SHAPES) {
  const text = shape.make(bytes);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = parseBriefing(text, { fileName: `${shape.name}.md`, now });
    samples.push(performance.now() - start);
    if (!result.ok) throw new Error(`shape ${shape.name} was rejected: ${result.issues[0]?.message}`);
  }
  times[shape.name] = samples.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}
process.stdout.write(JSON.stringify(times));
