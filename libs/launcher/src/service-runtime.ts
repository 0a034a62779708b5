/**
 * How a service process runs in production (from its bundle). Measured with
 * `npm run bench:import` (docs/benchmarks.md): while the inventory ingests
 * 280,000 principals its live heap stays under 80 MB, yet with V8's defaults
 * it reaches 600 MB of RSS, most of it garbage V8 has not yet collected and a
 * young generation sized for a large machine. These settings keep it near
 * 300 MB for about 12% of its throughput. The README's production command
 * line carries the same flags; a platform team that needs more heap raises it there.
 */
export const PRODUCTION_NODE_ARGS: readonly string[] = [
  // A ceiling well above any service's live set; below it V8 also collects sooner than with its default.
  '--max-old-space-size=512',
  // Short-lived objects (an ingest row, an event) die young in 8 MB semi-spaces; V8's default here is several times that.
  '--max-semi-space-size=8',
];

/** Environment of a production service process. */
export const PRODUCTION_ENV: Readonly<Record<string, string>> = {
  // glibc gives each thread (libuv's pool, V8's helpers) its own arena; two are enough for a Node process.
  MALLOC_ARENA_MAX: '2',
};
