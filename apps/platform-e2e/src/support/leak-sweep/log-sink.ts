import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The platform's log directory: every service's log file, which the launcher fills with the
 * process's stdout and stderr (JSON log lines, and anything printed around them). Each read
 * returns only what was appended since the last, up to the last complete line.
 */
export class LogSink {
  private readonly offsets = new Map<string, number>();

  constructor(private readonly logDir: string) {}

  files(): string[] {
    return readdirSync(this.logDir).filter((name) => statSync(path.join(this.logDir, name)).isFile());
  }

  /** Total bytes written so far: one of the signs that the platform is still busy. */
  size(): number {
    return this.files().reduce((sum, name) => sum + statSync(path.join(this.logDir, name)).size, 0);
  }

  readNew(): Array<{ file: string; text: string }> {
    return this.files().map((file) => {
      const full = path.join(this.logDir, file);
      const from = this.offsets.get(file) ?? 0;
      const length = statSync(full).size - from;
      if (length <= 0) return { file, text: '' };
      const buffer = Buffer.alloc(length);
      const fd = openSync(full, 'r');
      try {
        readSync(fd, buffer, 0, length, from);
      } finally {
        closeSync(fd);
      }
      const complete = buffer.lastIndexOf(0x0a) + 1;
      this.offsets.set(file, from + complete);
      return { file, text: buffer.subarray(0, complete).toString('utf8') };
    });
  }
}
