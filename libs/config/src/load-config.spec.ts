import { ConfigError } from './config-error';
import { loadConfig } from './load-config';
import { subgraphEnvShape } from './service-config';

const validKey = 'k'.repeat(32);

describe('loadConfig', () => {
  it('applies the defaults of a subgraph', () => {
    const config = loadConfig('inventory', subgraphEnvShape('inventory', 4001), { ACTOR_SIGNING_KEY: validKey });

    expect(config).toMatchObject({
      PORT: 4001,
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/nhi_inventory',
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      KAFKA_GROUP_ID: 'nhi-inventory',
      KAFKA_TOPIC_PARTITIONS: 12,
    });
  });

  it('names every bad variable and what it expected', () => {
    const attempt = () =>
      loadConfig('inventory', subgraphEnvShape('inventory', 4001), {
        PORT: 'http',
        DATABASE_URL: 'mysql://db/x',
        KAFKA_BROKERS: 'localhost',
      });

    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain('Invalid configuration for inventory');
      expect(message).toContain('PORT: expected a port number');
      expect(message).toContain('DATABASE_URL: expected a postgres or postgresql URL');
      expect(message).toContain('KAFKA_BROKERS: expected a comma-separated list of host:port');
      expect(message).toContain('ACTOR_SIGNING_KEY: is required');
    }
  });

  it('refuses a short signing key without echoing it', () => {
    expect(() => loadConfig('inventory', subgraphEnvShape('inventory', 4001), { ACTOR_SIGNING_KEY: 'tooshort-secret' })).toThrow(
      /ACTOR_SIGNING_KEY: must be at least 32 characters/,
    );
    expect(() => loadConfig('inventory', subgraphEnvShape('inventory', 4001), { ACTOR_SIGNING_KEY: 'tooshort-secret' })).not.toThrow(
      /tooshort-secret/,
    );
  });

  it('parses lists and numbers', () => {
    const config = loadConfig('metrics', subgraphEnvShape('metrics', 4005), {
      ACTOR_SIGNING_KEY: validKey,
      KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9094',
      KAFKA_TOPIC_PARTITIONS: '6',
    });

    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', '127.0.0.1:9094']);
    expect(config.KAFKA_TOPIC_PARTITIONS).toBe(6);
  });
});
