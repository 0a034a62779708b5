import { randomUUID } from 'node:crypto';
import { EVENT_CONTRACTS } from '../generated/schemas';
import { CLOUDEVENTS_JSON } from '../kafka-message';
import { TOPICS } from '../topics';
import { assertValid } from '../validate';
import type { ConformanceCase } from './conformance-case';

export interface PlatformMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * A case's request as the platform sends it: structured mode, keyed by the
 * identity, in the platform's strict outbound shape (a UUID id, the lifecycle
 * service's source, the time and the data's schema), held to the contract.
 */
export function platformRequest(testCase: ConformanceCase, topicPrefix = ''): PlatformMessage {
  const event = assertValid({
    specversion: '1.0',
    id: randomUUID(),
    source: '/nhi/lifecycle',
    type: testCase.type,
    subject: testCase.data.nhiId,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    dataschema: EVENT_CONTRACTS[testCase.type].schema.$id,
    data: testCase.data,
  });
  const topic = testCase.type === 'nhi.rotation.requested' ? TOPICS.rotationRequests : TOPICS.revocationRequests;
  return {
    topic: `${topicPrefix}${topic}`,
    key: testCase.data.nhiId,
    value: JSON.stringify(event),
    headers: { 'content-type': CLOUDEVENTS_JSON },
  };
}
