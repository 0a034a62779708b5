import { EVENT_CONTRACTS } from './generated/schemas';

/** The platform's integrator topics (a fixed contract; a new version gets a new name). */
export const TOPICS = {
  rotationRequests: EVENT_CONTRACTS['nhi.rotation.requested'].topic,
  rotationResults: EVENT_CONTRACTS['nhi.rotation.completed'].topic,
  revocationRequests: EVENT_CONTRACTS['nhi.revocation.requested'].topic,
  revocationResults: EVENT_CONTRACTS['nhi.revocation.completed'].topic,
  feedback: EVENT_CONTRACTS['nhi.integration.rejected'].topic,
} as const;

/** The topic a result of this type goes to. */
export function resultTopic(type: string, prefix = ''): string {
  return `${prefix}${type.startsWith('nhi.rotation.') ? TOPICS.rotationResults : TOPICS.revocationResults}`;
}
