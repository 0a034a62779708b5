import type { ImportFormat, ImportInput, ImportItem } from '../../import-row';
import { streamJsonArrays } from '../../streaming/json-arrays';
import { GaadDefinitions } from './gaad-definitions';
import { roleRow, userRow } from './gaad-principals';

const PRINCIPAL_LISTS = ['UserDetailList', 'RoleDetailList'] as const;

/** Where something stands: the input's label when there are several, `page N` from a file's second page on, the place. */
function placer(inputs: readonly ImportInput[]) {
  return (input: ImportInput, page: number, where: string): string =>
    `${inputs.length > 1 ? `${input.label} ` : ''}${page > 0 ? `page ${page + 1} ` : ''}${where}`;
}

/** What the two passes learn about the inputs besides definitions. */
interface Reading {
  /** Inputs whose JSON broke in the first pass: the second does not report the break again. */
  broken: Set<ImportInput>;
  pages: number;
  truncatedPages: number;
}

/** First pass: groups and managed policies (bounded by IAM's quotas), and whether each page says it is truncated. */
async function* readDefinitions(
  input: ImportInput,
  definitions: GaadDefinitions,
  reading: Reading,
  place: ReturnType<typeof placer>,
): AsyncGenerator<ImportItem> {
  let pages = 0;
  for await (const event of streamJsonArrays(input.open(), { arrays: ['GroupDetailList', 'Policies'], scalars: ['IsTruncated'] })) {
    pages = Math.max(pages, event.page + 1);
    if (event.kind === 'problem') {
      if (event.fatal) reading.broken.add(input);
      yield { problem: { location: place(input, event.page, event.where), problem: event.problem } };
    } else if (event.kind === 'scalar' && event.value === true) {
      reading.truncatedPages += 1;
    } else if (event.kind === 'element') {
      const location = place(input, event.page, `${event.array}[${event.index}]`);
      const problems =
        event.array === 'Policies' ? definitions.addPolicy(event.value, location) : definitions.addGroup(event.value, location);
      for (const problem of problems) yield { problem };
    }
  }
  reading.pages += pages;
}

/** Second pass: one row per user and per role, each as soon as it is read. */
async function* readPrincipals(
  input: ImportInput,
  definitions: GaadDefinitions,
  reading: Reading,
  place: ReturnType<typeof placer>,
): AsyncGenerator<ImportItem> {
  let lists = 0;
  for await (const event of streamJsonArrays(input.open(), { arrays: PRINCIPAL_LISTS })) {
    if (event.kind === 'array') lists += 1;
    if (event.kind === 'problem' && !(event.fatal && reading.broken.has(input))) {
      yield { problem: { location: place(input, event.page, event.where), problem: event.problem } };
    }
    if (event.kind !== 'element') continue;
    const location = place(input, event.page, `${event.array}[${event.index}]`);
    const result =
      event.array === 'UserDetailList' ? userRow(event.value, location, definitions) : roleRow(event.value, location, definitions);
    for (const problem of result.problems) yield { problem };
    if (result.row) yield { row: result.row };
  }
  if (lists === 0 && !reading.broken.has(input)) {
    yield {
      problem: {
        location: place(input, 0, 'the top-level object'),
        problem: 'has neither UserDetailList nor RoleDetailList: not the output of aws iam get-account-authorization-details',
      },
    };
  }
}

async function* convertGaad(inputs: readonly ImportInput[]): AsyncGenerator<ImportItem> {
  const definitions = new GaadDefinitions();
  const reading: Reading = { broken: new Set(), pages: 0, truncatedPages: 0 };
  const place = placer(inputs);
  for (const input of inputs) yield* readDefinitions(input, definitions, reading, place);
  for (const input of inputs) yield* readPrincipals(input, definitions, reading, place);
  if (reading.pages > 0 && reading.truncatedPages === reading.pages) {
    yield {
      problem: {
        location: inputs.length > 1 ? 'every input' : place(inputs[0], 0, 'IsTruncated'),
        problem:
          'every page read says IsTruncated: the export is incomplete (the last page is missing); principals on the missing pages are not imported',
      },
    };
  }
}

/**
 * `aws iam get-account-authorization-details` (GAAD): IAM users and roles with
 * their inline, attached and group policies, trust policies and last use. Reads
 * each input twice (groups and managed policies, then principals), so an input
 * must open more than once (spoolInput makes standard input so). Several files,
 * or concatenated pages in one, are the pages of one export.
 */
export const awsGaadFormat: ImportFormat = {
  name: 'aws-gaad',
  summary: 'AWS IAM users and roles with their policies, from `aws iam get-account-authorization-details` (JSON; one file or its pages)',
  convert: (inputs) => convertGaad(inputs),
};
