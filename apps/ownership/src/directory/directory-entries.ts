import { cleanEmail, cleanText, isEmail } from '../owner-data/owner-text';
import type { DirectoryEntryRejectionModel } from './directory-sync-report.model';
import type { DirectoryEntryInput } from './dto/directory-sync.input';

class EntryError extends Error {}

/** An entry that passed its checks, with its text cleaned. */
export interface Entry {
  index: number;
  input: DirectoryEntryInput;
  externalRef: string;
  name: string;
  email: string | null;
  businessUnit: string | null;
}

/** Checks each entry on its own; a broken or repeated one is added to `rejected` and skipped. */
export function validEntries(inputs: readonly DirectoryEntryInput[], rejected: DirectoryEntryRejectionModel[]): Entry[] {
  const seen = new Set<string>();
  const entries: Entry[] = [];
  inputs.forEach((input, index) => {
    const externalRef = cleanText(input.externalRef);
    try {
      if (!externalRef) throw new EntryError('externalRef is required');
      if (externalRef.length > 200) throw new EntryError('externalRef is longer than 200 characters');
      if (seen.has(externalRef)) throw new EntryError('externalRef is listed twice; the first entry was applied');
      const name = cleanText(input.name);
      if (!name) throw new EntryError('name is required');
      const email = cleanEmail(input.email);
      if (email && !isEmail(email)) throw new EntryError('email is not an e-mail address (the value is not repeated)');
      if (input.mergedInto && input.kind !== 'TEAM') throw new EntryError('only a team can be merged into another');
      if (cleanText(input.mergedInto) === externalRef) throw new EntryError('a team cannot be merged into itself');
      seen.add(externalRef);
      entries.push({ index, input, externalRef, name, email, businessUnit: cleanText(input.businessUnit) });
    } catch (error) {
      if (!(error instanceof EntryError)) throw error;
      rejected.push({ index, externalRef, reason: error.message });
    }
  });
  return entries;
}
