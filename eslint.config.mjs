// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const domainLibs = [
  'auth',
  'audit',
  'monitoring',
  'bot-config',
  'bot-runtime',
  'commands',
  'bulk-operations',
  // Not a domain, but it gathers every domain's migrations.
  'migrations',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'eslint.config.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.jest },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
      // A lib is entered only through its index.ts; never reach into another lib's files.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@botdeck/*/*'],
              message: 'Import a lib through its index (@botdeck/<lib>).',
            },
            { group: ['**/libs/**'], message: 'Use the @botdeck/<lib> alias.' },
          ],
        },
      ],
    },
  },
  {
    // core is the foundation: it must not know any domain.
    files: ['libs/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: domainLibs.map((lib) => `@botdeck/${lib}`),
              message: 'core imports no domain lib.',
            },
            {
              group: ['@botdeck/*/*'],
              message: 'Import a lib through its index (@botdeck/<lib>).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      sourceType: 'commonjs',
      globals: { ...globals.node },
      parserOptions: { projectService: false, project: null },
    },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
