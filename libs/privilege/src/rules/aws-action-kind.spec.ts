import { awsActionKind } from './aws-action-kind';

describe('awsActionKind', () => {
  it.each([
    ['*', 'everything'],
    ['s3:*', 'whole-service'],
    ['s3:GetObject', 'read'],
    ['s3:Get*', 'read'],
    ['ec2:Describe*', 'read'],
    ['dynamodb:BatchGetItem', 'read'],
    ['sqs:ReceiveMessage', 'read'],
    ['s3:getobject', 'read'],
    ['s3:PutObject', 'write'],
    ['iam:PassRole', 'write'],
    ['s3:*Object', 'write'],
    ['foo:Getaway', 'write'],
    ['frobnicate', 'unrecognised'],
    ['gcp:roles/owner', 'unrecognised'],
  ])('%s is %s', (pattern, kind) => {
    expect(awsActionKind(pattern)).toBe(kind);
  });
});
