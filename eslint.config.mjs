import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './eslint/layers.js';
import noCycle from './eslint/no-cycle.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/artifacts/**', 'samples/**', '.scratch/**', 'build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', Office: 'readonly', Excel: 'readonly', window: 'readonly', document: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', TextDecoder: 'readonly', performance: 'readonly', PerformanceObserver: 'readonly' } },
    plugins: { local: { rules: { layers, 'no-cycle': noCycle } } },
    rules: {
      'local/layers': 'error',
      'local/no-cycle': 'error',
      // Chinese text aligns with the ideographic space (U+3000) inside strings.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Only the Office adapter talks to Excel; everything else goes through the workbook port.
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['src/workbook/office/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Excel'][callee.property.name='run']",
          message: 'Excel.run belongs in src/workbook/office/ only; use the workbook port.',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The pages' bootstrap runs in IE11 too: a classic browser script, no CommonJS. That it is ES5
    // is checked by test/taskpane/bootstrap.test.ts (acorn, ecmaVersion 5).
    files: ['src/taskpane/bootstrap.js'],
    languageOptions: { sourceType: 'script', globals: { window: 'readonly', document: 'readonly', module: 'off', require: 'off', __dirname: 'off' } },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }], 'no-var': 'off', strict: ['error', 'function'] },
  },
);
