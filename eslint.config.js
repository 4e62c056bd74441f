// ESLint (flat config): typescript-eslint everywhere, Lit and web-component rules in widgets/.
// `npm run lint` runs it with Prettier's check and the import rules (.dependency-cruiser.cjs).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'widgets/api/openapi.d.ts', '.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // Unused bindings are errors, except the `_`-prefixed ones kept for a signature's shape.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Type-only imports stay type-only (verbatimModuleSyntax relies on it).
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // A server's handler may close over an app assigned once the server knows its port.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'no-console': 'off', // the CLI, scripts and the start-up banner print on purpose; the server logs through its JSON logger.
    },
  },
  {
    files: ['widgets/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['widgets/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['server/**/*.ts', 'idp/**/*.ts', 'common/**/*.ts'],
    ignores: ['server/config/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Settings are read and validated once in server/config and handed down.' },
      ],
    },
  },
  {
    files: ['widgets/**/*.component.ts'],
    rules: {
      // A @lit/task controller registers with its host when constructed; the private field only keeps it.
      'no-unused-private-class-members': 'off',
    },
  },
  {
    files: ['test/widgets/**/*.ts'],
    rules: {
      // Chai's property assertions (`expect(x).to.exist`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // Tests read loosely typed JSON answers on purpose (`json.items[0].id`).
      '@typescript-eslint/no-explicit-any': 'off',
      // Tests assert that a promise settles or a value exists.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' }, // .cjs configs are CommonJS by definition
  },
  {
    files: ['examples/**/*.js', 'widgets/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
