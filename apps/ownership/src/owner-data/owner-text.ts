/** Text as people and directories send it: trimmed, inner runs of spaces collapsed; null when nothing is left. */
export const cleanText = (value: string | null | undefined): string | null => value?.trim().replace(/\s+/g, ' ') || null;

/** An e-mail address as stored: cleaned and lower-cased; null when none was given. */
export const cleanEmail = (value: string | null | undefined): string | null => cleanText(value)?.toLowerCase() ?? null;

export const isEmail = (value: string): boolean => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value);
