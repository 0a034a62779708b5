// Integration tests: the real PostgreSQL and Kafka broker, one file at a time (nx runs them in band).
module.exports = {
  displayName: 'messaging-integration',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.integration-spec.ts'],
  testTimeout: 60_000,
};
