// Integration tests: the real PostgreSQL, one file at a time (nx runs them in band).
module.exports = {
  displayName: 'persistence-integration',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.integration-spec.ts'],
  testTimeout: 60_000,
};
