/** The apps that ship as bundles (dist/apps/<app>): every app but the end-to-end suite. */
export const BUNDLED_APP_NAMES = [
  'inventory',
  'ownership',
  'lifecycle',
  'exceptions',
  'metrics',
  'gateway',
  'reference-integrator',
] as const;
export type BundledApp = (typeof BUNDLED_APP_NAMES)[number];
