import baseConfig from '../../eslint.config.mjs';

// The conformance kit's command-line entry point reports on the console.
export default [...baseConfig, { files: ['**/conformance/cli.ts'], rules: { 'no-console': 'off' } }];
