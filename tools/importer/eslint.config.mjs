import baseConfig from '../../eslint.config.mjs';

// The command-line entry point reports on the console.
export default [...baseConfig, { files: ['**/cli.ts'], rules: { 'no-console': 'off' } }];
