// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

// The layout's boundaries: who may import what (README, "Lint boundaries"). Imports are relative,
// so each pattern is a regex on the import as written: `../` one or more times, then the folder.
// tests/deploy/lint-boundaries.test.ts proves each rule still fires.

/** A relative import reaching `folder` (a path from the repository's root, or a sibling's name). */
const reach = (folder) => `^(\\.\\./)+${folder}(/|$)`;
/** The same, also from next door (`./background` from entrypoints/): for folder names used once only. */
const near = (folder) => `^(\\.\\.?/)+${folder}(/|$)`;

const BOUNDARY = {
  background: {
    regex: near('(entrypoints/)?background'),
    message: 'Background code runs only in the background (the popup and content scripts message it).',
  },
  dexie: { regex: '^dexie(/|$)', message: 'Only the background opens the database.' },
  popup: {
    regex: near('(components/|entrypoints/)?popup'),
    message: 'components/popup and entrypoints/popup are imported only by the popup.',
  },
  composer: {
    regex: reach('(components/composer|composer|(entrypoints/)?[\\w-]+\\.content|(entrypoints/)?[\\w-]+-composer-ui)'),
    message: 'components/composer and the content scripts are imported only by content-script code.',
  },
  server: { regex: reach('server'), message: 'server/ is the API: nothing else imports it.' },
  console: { regex: reach('console'), message: 'console/ is its own app: nothing else imports it.' },
  components: { regex: reach('components'), message: 'lib/ and server/ import no extension components.' },
  entrypoints: { regex: reach('entrypoints'), message: 'Extension code runs only in the extension.' },
  app: {
    regex: reach('(components|entrypoints|server|console)'),
    message: 'lib/ is the shared core: it imports no app code.',
  },
  extensionApi: {
    regex: '^(wxt|webextension-polyfill|@wxt-dev/[\\w-]+|@webext-core/[\\w-]+)(/|$)',
    message: 'Browser extension APIs belong to the extension.',
  },
  serverApi: { regex: '^(hono|@hono/[\\w-]+|node:.*)(/|$)', message: 'Server and Node APIs belong to the server.' },
};

/** The no-restricted-imports rule for a part of the tree, from the boundaries it keeps. */
const keeps = (...patterns) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    { patterns: patterns.map((pattern) => (typeof pattern === 'string' ? BOUNDARY[pattern] : pattern)) },
  ],
});

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '.output/',
    '.wxt/',
    'data/',
    '**/dist/',
    'coverage/',
    'test-results/',
    'playwright-report/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      eqeqeq: ['error', 'smart'],
      'no-var': 'error',
      'prefer-const': 'error',
      'object-shorthand': ['error', 'properties'],
      'no-console': 'off',
    },
  },
  // Server text is text: never innerHTML, insertAdjacentHTML, document.write and the like.
  noUnsanitized.configs.recommended,
  {
    files: ['lib/**'],
    ignores: ['**/*.test.ts'],
    rules: keeps('app', 'dexie', 'extensionApi', 'serverApi'),
  },
  {
    files: ['entrypoints/*.content/**', 'components/composer/**', 'entrypoints/*-composer-ui.ts'],
    rules: keeps('background', 'dexie', 'popup', 'server', 'console'),
  },
  {
    files: ['components/popup/**', 'entrypoints/popup/**'],
    rules: keeps('background', 'dexie', 'composer', 'server', 'console'),
  },
  {
    // The typed client reads the message definitions by type only: none of their code is bundled.
    files: ['components/shared/**'],
    rules: keeps(
      {
        regex: reach('(entrypoints/)?background/messages'),
        allowTypeImports: true,
        message: 'The message definitions are read by type only (import type).',
      },
      { ...BOUNDARY.background, regex: near('(entrypoints/)?background(?!/messages(/|$))') },
      'dexie',
      'popup',
      'composer',
      'server',
      'console',
    ),
  },
  {
    files: ['entrypoints/background/**'],
    rules: keeps(
      { ...BOUNDARY.popup, regex: reach('(components/popup|popup)') },
      { ...BOUNDARY.composer, regex: reach('(components/composer|[\\w-]+\\.content|[\\w-]+-composer-ui)') },
      'server',
      'console',
    ),
  },
  {
    files: ['console/**'],
    rules: keeps(
      { ...BOUNDARY.server, message: 'The console talks to the API over HTTP; it imports no server code.' },
      { ...BOUNDARY.entrypoints, message: 'The console imports no extension code.' },
      {
        ...BOUNDARY.components,
        regex: reach('components/(popup|composer)'),
        message: 'The console may import components/shared only.',
      },
      'dexie',
      'extensionApi',
    ),
  },
  {
    files: ['server/**'],
    rules: keeps(
      { ...BOUNDARY.entrypoints, message: 'The server imports no extension code.' },
      { ...BOUNDARY.components, message: 'The server imports no extension code.' },
      'console',
      'dexie',
      'extensionApi',
    ),
  },
);
