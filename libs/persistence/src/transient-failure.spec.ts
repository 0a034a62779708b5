import { isTransientDatabaseFailure } from './transient-failure';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('isTransientDatabaseFailure', () => {
  it.each([
    ['a reset socket', withCode('ECONNRESET', 'read ECONNRESET')],
    ['a refused connection', withCode('ECONNREFUSED')],
    ['pg_terminate_backend', withCode('57P01', 'terminating connection due to administrator command')],
    ['a server starting up', withCode('57P03')],
    ['a deadlock', withCode('40P01')],
    ['a connection cut, said in words', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
  ])('counts %s as transient', (_, error) => {
    expect(isTransientDatabaseFailure(error)).toBe(true);
  });

  it("looks through a wrapper's cause and TypeORM's driverError", () => {
    const queryFailed = Object.assign(new Error('Query failed'), { driverError: withCode('08006') });
    expect(isTransientDatabaseFailure(new Error('metrics:facts failed', { cause: queryFailed }))).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value')],
    ['a check violation', withCode('23514')],
    ["a handler's own refusal", new Error('identity 42 is not known')],
    ['a thrown string', 'nope'],
  ])('leaves %s to the attempts and the dead letter', (_, error) => {
    expect(isTransientDatabaseFailure(error)).toBe(false);
  });
});
