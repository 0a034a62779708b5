import { reportText } from './report-text';

const report = {
  dryRun: true,
  fullSnapshot: true,
  received: 5,
  created: 2,
  updated: 1,
  unchanged: 1,
  stale: 3,
  rejectedCount: 1,
  rejected: [{ externalId: 'arn:aws:iam::1:role/x', reason: 'createdAt is in the future' }],
  warningCount: 0,
  warnings: [],
};

describe('reportText', () => {
  it('prints totals, what a full snapshot would mark STALE, rejected rows by reason and conversion problems with where', () => {
    const text = reportText(report, [{ location: 'RoleDetailList[3]', problem: 'RoleName is missing' }], 1);
    expect(text.split('\n')).toEqual([
      'DRY RUN: nothing was changed.',
      '5 rows sent',
      '        2  would be created',
      '        1  would be updated',
      '        1  unchanged',
      '        3  would be marked STALE (left out of this full snapshot)',
      '        1  rejected',
      '        0  warned',
      'rejected rows, by reason:',
      '        1  createdAt is in the future',
      '1 parts of the export could not be converted:',
      '  RoleDetailList[3]: RoleName is missing',
    ]);
  });
});
