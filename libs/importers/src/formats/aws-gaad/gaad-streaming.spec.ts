import { Readable } from 'node:stream';
import { streamInput } from '../../streaming/inputs';
import { awsGaadFormat } from './aws-gaad.format';
import { generateGaadChunks, generateGaadStream } from './generate-gaad-stream';

const PRINCIPALS = 50_000;

describe('aws-gaad streams a large export', () => {
  it('converts 50,000 generated principals in two passes, rows coming out while the generator is still making the export', async () => {
    let opens = 0;
    let made = 0;
    const input = streamInput('generated.json', () => {
      opens += 1;
      made = 0;
      return Readable.from(generateGaadChunks(PRINCIPALS, { onPrincipal: () => (made += 1) }));
    });
    let rows = 0;
    let problems = 0;
    let madeAtFirstRow = -1;
    let mostAhead = 0;
    for await (const item of awsGaadFormat.convert([input])) {
      if (!('row' in item)) {
        problems += 1;
        continue;
      }
      if (rows === 0) madeAtFirstRow = made;
      rows += 1;
      mostAhead = Math.max(mostAhead, made - rows);
    }
    expect(opens).toBe(2);
    expect(problems).toBe(0);
    expect(rows).toBe(PRINCIPALS);
    // The first row arrives when a small part of the export has been made …
    expect(madeAtFirstRow).toBeGreaterThan(0);
    expect(madeAtFirstRow).toBeLessThan(PRINCIPALS / 100);
    // … and the generator never runs far ahead of the rows: the export is never held whole.
    expect(mostAhead).toBeLessThan(PRINCIPALS / 100);
  }, 120_000);

  it('generateGaadStream makes a GAAD-shaped export whose rows have the shape of the fixtures', async () => {
    const items = [];
    for await (const item of awsGaadFormat.convert([streamInput('generated.json', () => generateGaadStream(10))])) items.push(item);
    expect(items).toHaveLength(10);
    expect(items[0]).toEqual({
      row: {
        provider: 'aws',
        externalId: 'arn:aws:iam::123456789012:user/svc-user-0',
        kind: 'aws iam user',
        name: 'svc-user-0',
        createdAt: '2018-03-01T10:00:00.000Z',
        scopes: [
          'inline policy inline-0',
          'managed policy app-policy-0',
          'group deployers',
          'group deployers: managed policy ReadOnlyAccess',
        ],
        tags: [
          { key: 'Owner', value: 'team-0@example.com' },
          { key: 'CostCenter', value: 'cc-0' },
        ],
        permissions: [
          {
            effect: 'Allow',
            actions: ['s3:GetObject', 's3:PutObject'],
            resources: ['arn:aws:s3:::bucket-0/*'],
            via: 'inline policy inline-0',
          },
          {
            effect: 'Allow',
            actions: ['sqs:SendMessage'],
            resources: ['arn:aws:sqs:eu-west-1:123456789012:q-0'],
            via: 'managed policy app-policy-0',
          },
          {
            effect: 'Allow',
            managedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
            via: 'group deployers: managed policy ReadOnlyAccess',
          },
        ],
      },
    });
    expect(items.filter((item) => 'row' in item && item.row.kind === 'aws iam role')).toHaveLength(8);
  });
});
