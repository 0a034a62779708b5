import type { Admin } from 'kafkajs';
import { endsOf } from './observe-answers';

/** An admin whose fetchTopicOffsets fails with each of `failures` in turn, then answers. */
function adminFailing(...failures: unknown[]): { admin: Admin; calls: () => number } {
  let calls = 0;
  const admin = {
    fetchTopicOffsets: async () => {
      const failure = failures[calls++];
      if (failure) throw failure;
      return [{ partition: 0, offset: '7', high: '7', low: '0' }];
    },
  } as unknown as Admin;
  return { admin, calls: () => calls };
}

describe('endsOf', () => {
  it('waits for a results topic that the broker does not list yet', async () => {
    const unknown = Object.assign(new Error('This server does not host this topic-partition'), { type: 'UNKNOWN_TOPIC_OR_PARTITION' });
    const { admin, calls } = adminFailing(unknown, unknown);

    await expect(endsOf(admin, 'nhi.rotation.results.v1')).resolves.toEqual([{ partition: 0, offset: '7', high: '7', low: '0' }]);
    expect(calls()).toBe(3);
  });

  it('passes any other failure on at once', async () => {
    const { admin, calls } = adminFailing(Object.assign(new Error('SASL authentication failed'), { type: 'SASL_AUTHENTICATION_FAILED' }));

    await expect(endsOf(admin, 'nhi.rotation.results.v1')).rejects.toThrow('SASL authentication failed');
    expect(calls()).toBe(1);
  });
});
