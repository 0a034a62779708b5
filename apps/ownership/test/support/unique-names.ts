/** Names that no other test (or earlier run on the same broker and database) has used. */
export function uniqueNames(): (label: string) => string {
  let n = 0;
  return (label) => `${label}-${++n}-${Date.now().toString(36)}`;
}
