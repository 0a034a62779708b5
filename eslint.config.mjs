import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import resolverAuthorisation from './tools/lint-rules/resolver-authorisation.cjs';

/**
 * Module boundaries: a service's code never imports another service's code
 * (they meet only through Kafka events and the federated graph); apps depend on
 * libs, libs never on apps; `type:util` libs stay at the bottom of the stack.
 */
const TEST_FILES = ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', 'apps/*/test/**/*.ts'];

function boundaries(inTests) {
  const testing = inTests ? ['type:testing', 'type:tooling'] : [];
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
      { sourceTag: 'scope:inventory', onlyDependOnLibsWithTags: ['scope:inventory', 'scope:shared'] },
      { sourceTag: 'scope:ownership', onlyDependOnLibsWithTags: ['scope:ownership', 'scope:shared'] },
      { sourceTag: 'scope:lifecycle', onlyDependOnLibsWithTags: ['scope:lifecycle', 'scope:shared'] },
      { sourceTag: 'scope:exceptions', onlyDependOnLibsWithTags: ['scope:exceptions', 'scope:shared'] },
      { sourceTag: 'scope:metrics', onlyDependOnLibsWithTags: ['scope:metrics', 'scope:shared'] },
      { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
      // An integrator (the SDK, the reference integrator) builds on the SDK alone, as one outside would; its tests may use the harness.
      { sourceTag: 'scope:integrator', onlyDependOnLibsWithTags: ['scope:integrator', ...(inTests ? ['scope:shared'] : [])] },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:util', ...testing] },
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:tooling', 'type:util'] },
      { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:tooling', 'type:testing', 'type:feature', 'type:data', 'type:util'] },
      { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:util', ...testing] },
      { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:data', 'type:util', ...testing] },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:util'] },
      { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', ...testing] },
    ],
  };
}

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.data', '**/tmp'] },
  { files: ['**/*.ts'], rules: { '@nx/enforce-module-boundaries': ['error', boundaries(false)] } },
  // Tests may use the shared test harness; production code may not.
  { files: TEST_FILES, rules: { '@nx/enforce-module-boundaries': ['error', boundaries(true)] } },
  {
    files: ['**/*.ts'],
    ignores: [...TEST_FILES, 'libs/testing/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: TEST_FILES, rules: { '@typescript-eslint/no-non-null-assertion': 'off' } },
  // A function a reader cannot hold in view does more than one thing. Tests are left out: a describe block is a
  // table of cases, not a function; the benchmarks are scripts that read top to bottom.
  {
    files: ['**/*.ts'],
    ignores: [...TEST_FILES, 'tools/bench/**'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  // Every resolver declares who may call it (issue 8); the AccessGuard also refuses undecided ones at run time.
  {
    files: ['apps/**/*.ts'],
    ignores: TEST_FILES,
    plugins: { nhi: { rules: { 'resolver-authorisation': resolverAuthorisation } } },
    rules: { 'nhi/resolver-authorisation': 'error' },
  },
];
