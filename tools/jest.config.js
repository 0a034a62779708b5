module.exports = {
  displayName: 'tools',
  preset: '../jest.preset.js',
  rootDir: '.',
  testMatch: [
    '<rootDir>/lint-rules/**/*.spec.ts',
    '<rootDir>/deploy/**/*.spec.ts',
    '<rootDir>/graphql-breaking/**/*.spec.ts',
    '<rootDir>/graphql-descriptions/**/*.spec.ts',
    '<rootDir>/graphql-conventions/**/*.spec.ts',
  ],
};
