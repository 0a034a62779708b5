export interface ChaosOptions {
  minutes: number;
  seed: number;
  short: boolean;
  /** Where the Markdown report goes; the long form writes docs/reliability.md unless told otherwise. */
  report: string | null;
  keep: boolean;
}

const USAGE = 'usage: npm run chaos -- [--minutes N] [--seed N] [--short] [--report FILE | --no-report] [--keep]';

/** The command line, with a message naming the argument that is wrong (and never a usage dump for a typo alone). */
export function parseOptions(argv: readonly string[]): ChaosOptions {
  const options: ChaosOptions = {
    minutes: 10,
    seed: Math.floor(Math.random() * 1_000_000),
    short: false,
    report: 'docs/reliability.md',
    keep: false,
  };
  let reportSet = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const number = (name: string) => {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number. ${USAGE}`);
      return value;
    };
    if (arg === '--minutes') options.minutes = number('--minutes');
    else if (arg === '--seed') options.seed = Math.floor(number('--seed'));
    else if (arg === '--short') options.short = true;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--no-report') [options.report, reportSet] = [null, true];
    else if (arg === '--report') {
      options.report = argv[++i] ?? null;
      if (!options.report) throw new Error(`--report needs a file. ${USAGE}`);
      reportSet = true;
    } else throw new Error(`unknown argument at position ${i + 1}. ${USAGE}`);
  }
  // The short form is the test suite's: it writes no report unless asked to.
  if (options.short && !reportSet) options.report = null;
  return options;
}
