import { uniqueTopicPrefix } from './kafka';
import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first truthy result', async () => {
    let n = 0;

    await expect(waitFor(() => (++n >= 3 ? n : false), { intervalMs: 1 })).resolves.toBe(3);
  });

  it('says what never happened, with the last error', async () => {
    await expect(
      waitFor(
        () => {
          throw new Error('not yet');
        },
        { timeoutMs: 20, intervalMs: 5, what: 'the event' },
      ),
    ).rejects.toThrow('Timed out after 20 ms waiting for the event (last error: not yet)');
  });
});

describe('uniqueTopicPrefix', () => {
  it('is unique per call and safe as a topic name', () => {
    const a = uniqueTopicPrefix('My Service');

    expect(a).not.toBe(uniqueTopicPrefix('My Service'));
    expect(a).toMatch(/^test\.my-service\.[0-9a-f]{8}\.$/);
  });
});
