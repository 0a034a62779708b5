import { Logger } from '@nestjs/common';
import { KafkaJSConnectionError, KafkaJSNonRetriableError } from 'kafkajs';
import { brokerUnreachable, untilBrokerAnswers } from './until-broker-answers';

const quiet = { warn: jest.fn() } as unknown as Logger;

describe('untilBrokerAnswers', () => {
  it('tries a step again while the broker cannot be reached, then returns its result', async () => {
    const refused = new KafkaJSNonRetriableError(new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:19092'));
    const step = jest.fn().mockRejectedValueOnce(refused).mockResolvedValueOnce('joined');
    await expect(untilBrokerAnswers('joining', step, quiet)).resolves.toBe('joined');
    expect(step).toHaveBeenCalledTimes(2);
  });

  it('fails at once on anything else, and after the wait on an unreachable broker', async () => {
    const misconfigured = jest.fn().mockRejectedValue(new Error('Topic authorization failed'));
    await expect(untilBrokerAnswers('creating the topics', misconfigured, quiet)).rejects.toThrow('Topic authorization failed');
    expect(misconfigured).toHaveBeenCalledTimes(1);
    const down = jest.fn().mockRejectedValue(new KafkaJSConnectionError('Connection error: connect ECONNREFUSED'));
    await expect(untilBrokerAnswers('creating the topics', down, quiet, 0)).rejects.toThrow('ECONNREFUSED');
  });

  it('recognises kafkajs wrapping an unreachable broker', () => {
    expect(brokerUnreachable(new KafkaJSConnectionError('Connection error: connect ECONNREFUSED'))).toBe(true);
    expect(brokerUnreachable(new Error('Failed to connect to seed broker, trying another broker from the list'))).toBe(true);
    expect(brokerUnreachable(new Error('The group coordinator is not available'))).toBe(false);
  });
});
