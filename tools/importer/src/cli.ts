import { IMPORT_FORMATS, importFormat, ImportOptionError, UnknownFormatError } from '@nhi/importers';
import { exportInputs } from './export-inputs';
import { parseImportArgs, USAGE, UsageError } from './import-args';
import { startProgress } from './progress-line';
import { reportText } from './report-text';
import { runImport } from './run-import';

const formatsList = () => [...IMPORT_FORMATS.values()].map((f) => `  ${f.name.padEnd(22)} ${f.summary}`).join('\n');

/**
 * npm run import -- <format> <file…|-> --source <name> [--dry-run] [--full-snapshot] [--force]
 * Exit codes: 0 imported (rejected rows are in the report), 1 the import failed, 2 bad usage.
 */
async function main(): Promise<number> {
  let args;
  try {
    args = parseImportArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}\nformats:\n${formatsList()}`);
    return 2;
  }
  if (args === 'help') {
    console.log(`${USAGE}\nformats:\n${formatsList()}`);
    return 0;
  }
  try {
    importFormat(args.format, args.cluster === undefined ? {} : { cluster: args.cluster });
  } catch (error) {
    if (!(error instanceof UnknownFormatError || error instanceof ImportOptionError)) throw error;
    console.error(`${error.message}\n${USAGE}\nformats:\n${formatsList()}`);
    return 2;
  }
  const exported = await exportInputs(args.files);
  const counts = { rows: 0, problems: 0 };
  const stopProgress = startProgress(exported.progress, counts);
  try {
    const outcome = await runImport(args, exported.inputs, counts);
    stopProgress();
    console.log(reportText(outcome.report, outcome.problems, outcome.problemCount));
    return 0;
  } finally {
    stopProgress();
    await exported.cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
