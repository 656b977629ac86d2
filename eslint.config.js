// ESLint flat config: type-aware TypeScript linting for the whole monorepo.
// Layer boundaries (which folder may import what) are checked by dependency-cruiser, not here:
// see .dependency-cruiser.cjs.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Every TypeScript file tsconfig.json includes; type-aware rules need the file in that project. */
const TS_FILES = ['{apps,libs,test,bench,tools,infra}/**/*.ts'];
const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'];
/** The only files that may read the environment: each app validates it into one typed config. */
const ENV_READER_FILES = ['**/*config*.ts', '**/*env*.ts'];

/** A focused or skipped test silently shrinks the suite, so none may be committed. */
const FOCUS_OR_SKIP = 'Focused or skipped tests must not be committed; remove .only/.skip (use it.todo for a reminder).';

export default defineConfig(
  globalIgnores([
    '**/dist/',
    '**/node_modules/',
    '**/coverage/',
    '.demo/',
    '**/*.cjs',
    'jest.config.js',
    // Deliberately broken trees that the boundary test feeds to dependency-cruiser.
    'test/tooling/fixtures/',
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: TS_FILES,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Promises: an un-awaited promise loses its errors, and an un-awaited expect() cannot fail.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // NestJS resolvers and interface implementations are often async without awaiting anything.
      '@typescript-eslint/require-await': 'off',

      '@typescript-eslint/no-explicit-any': 'error',
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
      // A switch over a union (status, event, error code) must name every member, so adding a member
      // breaks the build where it is not yet handled; `default` does not count as handling. A switch
      // over a plain string or number needs a `default`.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        {
          considerDefaultExhaustiveForUnions: false,
          allowDefaultCaseForExhaustiveSwitch: true,
          requireDefaultForNonUnion: true,
        },
      ],
      // Note: consistent-type-imports stays off on purpose. With emitDecoratorMetadata, NestJS
      // dependency injection needs constructor parameter types imported as values.

      eqeqeq: ['error', 'always'],
      'no-restricted-syntax': [
        'error',
        {
          // it.only(...), describe.skip(...), it.only.each(...), test.skip.each(...)
          selector: 'MemberExpression[object.name=/^(describe|it|test)$/][property.name=/^(only|skip)$/]',
          message: FOCUS_OR_SKIP,
        },
        {
          // it.concurrent.only(...), it.failing.skip(...)
          selector:
            'MemberExpression[object.type="MemberExpression"][object.object.name=/^(describe|it|test)$/][property.name=/^(only|skip)$/]',
          message: FOCUS_OR_SKIP,
        },
        {
          selector: 'CallExpression[callee.name=/^(xit|xtest|xdescribe|fit|fdescribe)$/]',
          message: FOCUS_OR_SKIP,
        },
      ],
      // Configuration is read and validated in one typed config per app (see ENV_READER_FILES).
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read the environment only in a *config*.ts or *env*.ts file; inject the typed config instead.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'process',
              importNames: ['env'],
              message: 'Read the environment only in a *config*.ts or *env*.ts file.',
            },
            {
              name: 'node:process',
              importNames: ['env'],
              message: 'Read the environment only in a *config*.ts or *env*.ts file.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ENV_READER_FILES,
    rules: {
      'no-restricted-properties': 'off',
      'no-restricted-imports': 'off',
    },
  },
  {
    files: TEST_FILES,
    rules: {
      // expect(mock.method).toHaveBeenCalled() passes a method unbound; that is how jest mocks work.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
