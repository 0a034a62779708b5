import type { ReadProgress } from './export-inputs';

const MB = 1024 * 1024;

export interface ConvertCounts {
  rows: number;
  problems: number;
}

/** One line of progress: a bar over the bytes of the pass being read, the rows so far and their rate. */
export function progressLine(read: ReadProgress, counts: ConvertCounts, elapsedMs: number, width = 24): string {
  // Standard input has no known size: the bar stays empty and the megabytes read still move.
  const share = read.size > 0 ? Math.min(1, read.read / read.size) : 0;
  const filled = Math.round(share * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  const rate = elapsedMs > 0 ? Math.round((counts.rows * 1000) / elapsedMs) : 0;
  const pass = read.pass > 1 ? ` (pass ${read.pass})` : '';
  return (
    `${bar} ${String(Math.round(share * 100)).padStart(3)}% ${read.label}${pass} ` +
    `${(read.read / MB).toFixed(1)}${read.size > 0 ? `/${(read.size / MB).toFixed(1)}` : ''} MB · ${counts.rows} rows · ${counts.problems} problems · ${rate} rows/s`
  );
}

/**
 * Shows progress on a terminal (one line, redrawn) and, elsewhere (CI, a
 * pipe), a plain line every 10 seconds so logs stay readable.
 */
export function startProgress(read: ReadProgress, counts: ConvertCounts, out: NodeJS.WriteStream = process.stderr): () => void {
  const began = Date.now();
  const tty = out.isTTY === true;
  const draw = () =>
    out.write(tty ? `\r${progressLine(read, counts, Date.now() - began)}\u001b[K` : `${progressLine(read, counts, Date.now() - began)}\n`);
  const timer = setInterval(draw, tty ? 200 : 10_000);
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    draw();
    if (tty) out.write('\n');
  };
}
