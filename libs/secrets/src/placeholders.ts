/**
 * Values that stand in for a secret in docs, templates and redacted output: refusing them would
 * reject the very rows that did the right thing.
 */
const PLACEHOLDER =
  /^(?:\*+|x+|X+|\.+|-+|_+|#+|<[^>]{0,100}>|\$\{[^}]{0,100}\}|\$\([^)]{0,100}\)|\{\{[^}]{0,100}\}\}|%s|\$[A-Za-z_][A-Za-z0-9_]{0,100}|null|none|nil|undefined|true|false|empty|redacted|\[redacted\]|\*\*\*redacted\*\*\*|masked|hidden|placeholder|example|your[-_]?[a-z_-]{0,40}|changeit|password|secret|token|env|vault:[^\s]{0,200}|ssm:[^\s]{0,200})$/i;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value);
}
