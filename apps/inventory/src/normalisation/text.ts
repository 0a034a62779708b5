/** Trims and collapses runs of whitespace: "  payments   batch " -> "payments batch". */
export function cleanText(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** For matching words from source vocabularies: lower case, separators as single spaces. */
export function vocabularyKey(value: string): string {
  return cleanText(value.toLowerCase().replace(/[_\-./]+/g, ' '));
}

/** Null for absent or blank values, the cleaned text otherwise. */
export function optionalText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = cleanText(value);
  return cleaned.length > 0 ? cleaned : null;
}
