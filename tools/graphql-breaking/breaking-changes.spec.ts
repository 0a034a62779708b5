import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AcceptedChangesError, parseAcceptedChanges } from './accepted-changes';
import { checkSupergraph, describeCheck, passed } from './breaking-changes';

/** ADR 0032: the supergraph's breaking-change check, on the real committed files and on modified copies of them. */
const root = path.resolve(__dirname, '../..');
const released = readFileSync(path.join(root, 'apps/gateway/supergraph.released.graphql'), 'utf8');
const current = readFileSync(path.join(root, 'apps/gateway/supergraph.graphql'), 'utf8');
const files = { released: 'released.graphql', accepted: 'accepted.json' };
// The intended breaks since the release (issue 22's nullable cross-subgraph fields), each with its reason.
const committedAllowList = parseAcceptedChanges(
  readFileSync(path.join(root, 'apps/gateway/accepted-breaking-changes.json'), 'utf8'),
  'accepted-breaking-changes.json',
);

/** The released supergraph with one edit, failing loudly when the text to edit is no longer there. */
function edited(from: string, to: string): string {
  if (!released.includes(from)) throw new Error(`the released supergraph no longer has: ${from}`);
  return released.replace(from, to);
}

// A root field every portal's dashboard reads, and an enum the inventory owns.
const SUMMARY_FIELD = /\n {2}governanceSummary\(/;
const withoutSummary = () =>
  released.replace(/\n {2}"""[^"]*"""\n {2}governanceSummary\([\s\S]*?\): GovernanceSummary! @join__field\(graph: METRICS\)\n/, '\n');

describe('the supergraph breaking-change check', () => {
  it('passes on the current supergraph against the released one, with the committed allow-list', async () => {
    const check = await checkSupergraph(released, current, committedAllowList);
    expect(check.breaking.map((change) => change.message)).toEqual([]);
    expect(check.stale).toEqual([]);
    expect(passed(check)).toBe(true);
  });

  it('fails on a removed root field and lists it', async () => {
    expect(released).toMatch(SUMMARY_FIELD);
    expect(withoutSummary()).not.toMatch(SUMMARY_FIELD);
    const check = await checkSupergraph(released, withoutSummary(), []);

    expect(passed(check)).toBe(false);
    expect(check.breaking.map((change) => `${change.type} ${change.path}`)).toEqual(['FIELD_REMOVED Query.governanceSummary']);
    expect(describeCheck(check, files)).toMatch(
      /1 breaking change\(s\)[^\n]*\n {2}- Field 'governanceSummary' was removed from object type 'Query'/,
    );
  });

  it('fails when a field a client relies on becomes nullable', async () => {
    const check = await checkSupergraph(released, edited('  totalIdentities: Int!\n', '  totalIdentities: Int\n'), []);
    expect(check.breaking.map((change) => `${change.type} ${change.path}`)).toEqual([
      'FIELD_TYPE_CHANGED GovernanceSummary.totalIdentities',
    ]);
  });

  it('prints a new enum value as dangerous without failing', async () => {
    const check = await checkSupergraph(
      released,
      edited(
        '  SERVICE_ACCOUNT @join__enumValue(graph: INVENTORY)\n',
        '  SERVICE_ACCOUNT @join__enumValue(graph: INVENTORY)\n  ROBOT @join__enumValue(graph: INVENTORY)\n',
      ),
      [],
    );
    expect(passed(check)).toBe(true);
    expect(check.dangerous.map((change) => change.type)).toContain('ENUM_VALUE_ADDED');
    expect(describeCheck(check, files)).toMatch(/dangerous change\(s\)/);
  });

  it('passes an accepted break, printing its reason, and fails on an accepted one that no longer happens', async () => {
    const accepted = [
      { type: 'FIELD_REMOVED', path: 'Query.governanceSummary', reason: 'replaced by governanceReport; portals told in release 0.9' },
    ];

    const intended = await checkSupergraph(released, withoutSummary(), accepted);
    expect(passed(intended)).toBe(true);
    expect(describeCheck(intended, files)).toContain('replaced by governanceReport');

    const stale = await checkSupergraph(released, current, accepted);
    expect(passed(stale)).toBe(false);
    expect(describeCheck(stale, files)).toMatch(/match no change any more; remove them:\n {2}- \[FIELD_REMOVED Query.governanceSummary\]/);
  });

  it('ignores where a field is resolved: moving it between subgraphs is no change for clients', async () => {
    const moved = edited(
      'requestException(input: ExceptionRequestInput!): PolicyException! @join__field(graph: EXCEPTIONS)',
      'requestException(input: ExceptionRequestInput!): PolicyException! @join__field(graph: LIFECYCLE)',
    );
    const check = await checkSupergraph(released, moved, []);
    expect(check.total).toBe(0);
  });
});

describe('the allow-list of accepted breaking changes', () => {
  it('reads entries with a type, a path and a reason', () => {
    expect(parseAcceptedChanges('{"accepted":[{"type":"FIELD_REMOVED","path":"Query.x","reason":"announced in 0.9"}]}', 'a.json')).toEqual([
      { type: 'FIELD_REMOVED', path: 'Query.x', reason: 'announced in 0.9' },
    ]);
  });

  it('refuses an entry without a reason, naming where it is', () => {
    expect(() => parseAcceptedChanges('{"accepted":[{"type":"FIELD_REMOVED","path":"Query.x"}]}', 'a.json')).toThrow(
      new AcceptedChangesError(
        'a.json does not have the expected shape { "accepted": [{ "type", "path", "reason" }] }:\n  - accepted.0.reason: Invalid input: expected string, received undefined',
      ),
    );
    expect(() => parseAcceptedChanges('not json', 'a.json')).toThrow('a.json is not valid JSON');
  });
});
