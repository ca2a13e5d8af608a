// Lint rules that keep the layers apart: only the Discord glue may import discord.js.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const discordOnlyInGlue = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'discord.js', message: 'Only src/discord, src/sandbox and commands/ talk to Discord.' },
        { name: 'ws', message: 'Only src/sandbox runs sockets.' },
      ],
      patterns: [{ group: ['@discordjs/*', 'discord-api-types*'], message: 'Only the Discord glue imports Discord types.' }],
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'dist/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Rules that need the types (the style guide: no floating promises): a promise nobody awaits
    // loses its error, and an async callback where a void one is expected runs unawaited.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['src/domain/**', 'src/interaction-ids/**', 'src/store/**', 'src/search/**', 'src/render/**', 'src/schedule/**'],
    rules: discordOnlyInGlue,
  },
);
