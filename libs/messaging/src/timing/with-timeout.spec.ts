import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  it('passes the result through when the work is quick', async () => {
    await expect(withTimeout(Promise.resolve(42), 1_000, 'slow')).resolves.toBe(42);
  });

  it('rejects with the message when the work is too slow', async () => {
    const never = new Promise<number>(() => undefined);
    await expect(withTimeout(never, 20, 'Kafka did not answer')).rejects.toThrow('Kafka did not answer');
  });
});
