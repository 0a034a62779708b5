import baseConfig from '../eslint.config.mjs';

// Command-line tools report on the console.
export default [...baseConfig, { files: ['**/*.ts'], rules: { 'no-console': 'off' } }];
