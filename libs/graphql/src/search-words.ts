/**
 * The words of a free-text `search` argument, lower-cased: each must appear somewhere (they combine with AND), and an
 * absent or blank search has none. Every search the graph offers splits its words here, so a portal's search box
 * means the same on identities, identitySearch and viewer.identities.
 */
export function searchWords(search: string | null | undefined): string[] {
  return (search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}
