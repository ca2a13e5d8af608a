import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The seed briefing, byte for byte as shipped in data/samples (a copy of ../shared/seed). */
export const SEED_PATH = fileURLToPath(new URL('../../data/samples/japan-tariffs.md', import.meta.url));
export const SEED_TEXT = readFileSync(SEED_PATH, 'utf8');
export const SAMPLES_DIR = fileURLToPath(new URL('../../data/samples/', import.meta.url));
