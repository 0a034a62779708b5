module.exports = {
  displayName: 'tools:integration',
  preset: '../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/deploy/**/*.integration-spec.ts'],
  testTimeout: 60000,
};
