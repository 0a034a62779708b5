import { EVENT_TYPES } from './event-types';
import { ALL_TOPICS, TOPICS, dlqTopic } from './topics';

describe('event catalogue', () => {
  it('keeps the integrator topic names of DESIGN.md', () => {
    expect(TOPICS).toMatchObject({
      rotationRequests: 'nhi.rotation.requests.v1',
      rotationResults: 'nhi.rotation.results.v1',
      revocationRequests: 'nhi.revocation.requests.v1',
      revocationResults: 'nhi.revocation.results.v1',
    });
    expect(dlqTopic(TOPICS.rotationResults)).toBe('nhi.rotation.results.v1.dlq');
  });

  it('puts every event type on a platform topic with a schema whose id names the type', () => {
    for (const definition of Object.values(EVENT_TYPES)) {
      expect(ALL_TOPICS).toContain(definition.topic);
      expect(definition.schema.$id).toBe(`urn:nhi:schema:${definition.type}:1`);
    }
  });

  it('sends integrator results only on results topics and platform requests only on request topics', () => {
    for (const definition of Object.values(EVENT_TYPES)) {
      const isResultTopic = definition.topic.endsWith('.results.v1');
      expect(definition.producer === 'integrator').toBe(isResultTopic);
    }
  });
});
