// `node --import ./tests/support/module-trace.mjs …` lists the modules the process loads on stderr.
import { register } from 'node:module';

register('./module-trace-hooks.mjs', import.meta.url);
