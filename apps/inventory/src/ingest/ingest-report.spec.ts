import { addBatchWarning, addRowWarning, emptyReport, MAX_LISTED_ROW_WARNINGS } from './ingest-report';

describe('ingest report warnings', () => {
  it('counts every warned row but lists only the first ones, and always lists a warning about the batch', () => {
    const report = emptyReport('aws-config', true, true);
    const warned = MAX_LISTED_ROW_WARNINGS + 5;

    for (let index = 0; index < warned; index++) addRowWarning(report, { index, externalId: `id-${index}`, name: 'n', message: 'm' });
    addBatchWarning(report, 'a real run would be refused');

    expect(report.warningCount).toBe(warned + 1);
    expect(report.warnings).toHaveLength(MAX_LISTED_ROW_WARNINGS + 1);
    expect(report.warnings.at(-1)).toEqual({ index: null, externalId: null, name: null, message: 'a real run would be refused' });
  });
});
