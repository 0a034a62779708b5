import { isKnownEventType } from '@nhi/contracts';
import { CREDENTIAL_OUTCOMES } from './credential-request-metrics';

describe('CREDENTIAL_OUTCOMES', () => {
  it('names only event types the contracts define, so a renamed event cannot silently stop the count', () => {
    for (const type of Object.keys(CREDENTIAL_OUTCOMES)) expect([type, isKnownEventType(type)]).toEqual([type, true]);
  });

  it('gives both actions a completed and a failed outcome', () => {
    const labels = Object.values(CREDENTIAL_OUTCOMES).map(({ action, outcome }) => `${action}/${outcome}`);
    expect(labels).toEqual(expect.arrayContaining(['rotation/completed', 'rotation/failed', 'revocation/completed', 'revocation/failed']));
  });
});
