import { survivingGrants } from '../grants';
import { actionText, grantsEvidence } from './grant-evidence';

describe('grant evidence', () => {
  it('groups the grants of one statement on the same resources', () => {
    const grants = survivingGrants([
      {
        effect: 'Allow',
        actions: ['sqs:SendMessage', 'sqs:DeleteMessage'],
        resources: ['arn:aws:sqs:eu-west-1:1:jobs'],
        via: 'inline policy worker',
      },
      {
        effect: 'Allow',
        actions: ['sqs:SendMessage'],
        resources: ['arn:aws:sqs:eu-west-1:1:jobs'],
        conditional: true,
        via: 'inline policy worker',
      },
    ]);
    expect(grantsEvidence(grants)).toEqual([
      'sqs:SendMessage, sqs:DeleteMessage allowed on arn:aws:sqs:eu-west-1:1:jobs via inline policy worker',
      'sqs:SendMessage allowed on arn:aws:sqs:eu-west-1:1:jobs (conditional) via inline policy worker',
    ]);
  });

  it('writes NotAction as every action except', () => {
    const [grant] = survivingGrants([{ effect: 'Allow', notActions: ['iam:*'], via: 'p' }]);
    expect(actionText(grant)).toBe('every action except iam:*');
  });
});
