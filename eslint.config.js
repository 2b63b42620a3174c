// Lint rules: type-aware TypeScript checks, and the one-way dependency rule from
// docs/ARCHITECTURE.md (http, cli, integrations, jobs -> domain -> db; language stands alone;
// integrations -> jobs/definition.ts only; src/app.ts and cli compose them all).
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';

const layers = ['./src/http', './src/cli', './src/integrations', './src/jobs'];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'data/**', 'web/dist/**', 'dist/**', 'coverage/**', '.tmp/**'],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each file is checked with the nearest tsconfig.json that includes it: web/tsconfig.json
        // (DOM, no Node) for web/src, test/e2e/tsconfig.json for the browser tests, and the
        // root tsconfig.json (Node, no DOM) for everything else.
        projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/require-await': 'off',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/language',
              from: './src',
              except: ['./language'],
              message: 'src/language stands alone: it imports nothing else from src/.',
            },
            {
              target: './src/domain',
              from: layers,
              message: 'domain must not depend on http, cli, integrations or jobs.',
            },
            {
              target: './src/db',
              from: ['./src/domain', ...layers],
              message: 'db holds queries only and depends on nothing above it.',
            },
            {
              target: './src/jobs',
              from: ['./src/integrations', './src/http', './src/cli', './src/app.ts'],
              message:
                'jobs runs what it is handed: integrations are loaded at the composition root (src/app.ts).',
            },
            {
              target: './src/integrations',
              from: ['./src/http', './src/cli', './src/app.ts'],
              message:
                'an integration brings routes, jobs and channels through its register(); the root mounts them.',
            },
            {
              target: './src/integrations',
              from: './src/jobs',
              except: ['./definition.ts'],
              message: 'an integration may use jobs/definition.ts only (defineJob, the logger).',
            },
            {
              target: './src/http',
              from: ['./src/integrations', './src/jobs', './src/cli', './src/app.ts'],
              message:
                'http mounts the routes it is handed: integrations are loaded at the composition root (src/app.ts).',
            },
            {
              target: './src/contract',
              from: './src',
              except: ['./contract'],
              message:
                'src/contract is the bottom of the house: it imports nothing else from src/.',
            },
            {
              target: './src/config',
              from: './src',
              except: ['./config', './contract'],
              message: 'config sits just above the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    // The rules of hooks, and the React Compiler's checks of what a component may do in render.
    files: ['web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // useAsync(load, deps) takes deps like useEffect: check them at each call site.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useAsync$' }],
    },
  },
  {
    // Migrations are frozen against Kysely<any> so they never depend on today's schema types.
    files: ['src/db/migrations/**/*.ts', 'src/db/migrate.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
