import path from 'node:path';

/** Where local runs keep their state: all of it under the git-ignored .data folder. */
export const WORKSPACE_ROOT = path.resolve(__dirname, '..');
export const DATA_DIR = path.join(WORKSPACE_ROOT, '.data');
export const DEV_KEYS_DIR = path.join(DATA_DIR, 'dev-keys');
export const LOG_DIR = path.join(DATA_DIR, 'logs');
