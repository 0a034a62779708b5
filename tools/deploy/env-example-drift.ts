/** A .env.example read back: each variable's line and the comment above it. */
export function parseEnvExample(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  let comment = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) {
      comment = line;
    } else if (/^[A-Z][A-Z0-9_]*=/.test(line)) {
      entries.set(line.slice(0, line.indexOf('=')), `${comment}\n${line}`);
      comment = '';
    }
  }
  return entries;
}

/**
 * What differs between the committed file and what the schema gives, by
 * variable, so a failing check says which variable to look at; an empty list
 * when they are the same text.
 */
export function envExampleDrift(app: string, committed: string, generated: string): string[] {
  if (committed === generated) return [];
  const before = parseEnvExample(committed);
  const after = parseEnvExample(generated);
  const problems: string[] = [];
  for (const name of after.keys()) if (!before.has(name)) problems.push(`${app}: .env.example lacks ${name}, which the schema reads`);
  for (const name of before.keys())
    if (!after.has(name)) problems.push(`${app}: .env.example lists ${name}, which the schema no longer reads`);
  for (const [name, entry] of after) {
    if (before.has(name) && before.get(name) !== entry) problems.push(`${app}: ${name} has another default or description in the schema`);
  }
  if (problems.length === 0) problems.push(`${app}: .env.example differs from the schema in order or layout`);
  return problems;
}
