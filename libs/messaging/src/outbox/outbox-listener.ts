import { Injectable, Logger } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { retryDelayMs } from '../timing/backoff';
import { describeError } from '../describe-error';
import { OUTBOX_CHANNEL } from './outbox-channel';
import { listenerConnectionConfig } from './listener-connection';

const RECONNECT_BASE_MS = 500;
const RECONNECT_CAP_MS = 30_000;

/**
 * Holds a dedicated connection that LISTENs for enqueues, so the relay
 * publishes within milliseconds of a commit instead of at the next poll.
 * Losing it only slows delivery to the poll interval; it reconnects with backoff.
 */
@Injectable()
export class OutboxListener {
  private readonly logger = new Logger(OutboxListener.name);
  private client: Client | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private isListening = false;
  private stopped = true;
  private onNotify: () => void = () => undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** Whether a LISTEN is in place right now. */
  get listening(): boolean {
    return this.isListening;
  }

  start(onNotify: () => void): void {
    this.onNotify = onNotify;
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    this.isListening = false;
    if (client) await this.discard(client);
  }

  private async connect(): Promise<void> {
    const client = new Client(listenerConnectionConfig(this.dataSource.options));
    this.client = client;
    client.on('notification', (notification) => {
      if (notification.channel === OUTBOX_CHANNEL) this.onNotify();
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection closed')));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return;
    this.isListening = true;
    if (this.failures > 0) this.logger.log(`Listening for outbox notifications again after ${this.failures} failed attempts`);
    this.failures = 0;
    // Commits made while nobody listened sent notifications into the void: look now rather than at the next poll.
    this.onNotify();
  }

  private lost(client: Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.isListening = false;
    void this.discard(client);
    if (this.stopped) return;
    this.failures += 1;
    const delay = retryDelayMs(this.failures, RECONNECT_BASE_MS, RECONNECT_CAP_MS);
    this.logger.warn(`Outbox LISTEN connection lost (${describeError(error).message}); relying on polling, reconnecting in ${delay} ms`);
    this.reconnectTimer = setTimeout(() => void this.connect(), delay);
  }

  private async discard(client: Client): Promise<void> {
    client.removeAllListeners();
    // A closing client can still emit errors; unhandled, they would crash the process.
    client.on('error', () => undefined);
    await client.end().catch(() => undefined);
  }
}
