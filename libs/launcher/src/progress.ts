/** Progress lines for people watching a start-up; tests pass a quiet or collecting reporter. */
export type Progress = (message: string) => void;

export const consoleProgress: Progress = (message) => process.stdout.write(`${message}\n`);
export const silentProgress: Progress = () => undefined;
