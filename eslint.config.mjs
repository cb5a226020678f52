// Flat ESLint config: strict type-aware TypeScript rules, Prettier owns formatting,
// and Nx module boundaries keep the dependency direction apps → libs, never the reverse.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '.local/**', '.nx/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked.map((config) => ({ ...config, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-console': 'error',
      // Nest types many option bags as classes; object literals for them are the documented usage.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:core', 'type:feature'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:core', 'type:feature'] },
            { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core'] },
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['type:core', 'type:feature', 'type:app', 'type:tool'],
            },
          ],
        },
      ],
    },
  },
  {
    // The launcher composes the apps into one process (single-machine mode with embedded
    // ClickHouse); it is the one place allowed to import an app's public bootstrap.
    files: ['tools/cli/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [
            '@learnpulse/xapi-gateway',
            '@learnpulse/clickstream-gateway',
            '@learnpulse/warehouse-writer',
            '@learnpulse/analytics-api',
            '@learnpulse/alert-dispatcher',
            '@learnpulse/risk-engine',
          ],
          depConstraints: [
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['type:core', 'type:feature', 'type:app', 'type:tool'],
            },
          ],
        },
      ],
    },
  },
  {
    // Specs may use the shared test helpers (tagged type:tool) and node:test idioms.
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': 'off',
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', name: ['describe', 'it', 'test', 'suite'], package: 'node:test' },
          ],
        },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        require: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        module: 'writable',
      },
      sourceType: 'commonjs',
    },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module' },
  },
);
