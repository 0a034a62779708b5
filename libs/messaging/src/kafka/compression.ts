import { promisify } from 'node:util';
import { gzip, unzip } from 'node:zlib';
import { CompressionCodecs, CompressionTypes } from 'kafkajs';

/**
 * GZIP is the one codec that the broker, kafkajs (with no plugin) and every
 * integrator's client (librdkafka, the Java client, kcat) all read, so it is the
 * one the platform sends. kafkajs compresses at zlib's default level 6; level 1
 * makes about the same size for events like ours at a fraction of the CPU, and
 * on this platform CPU, not bytes, is what holds the relay back.
 */
export const GZIP_LEVEL = 1;

/** A request with at least this many messages is compressed; smaller ones gain too little to pay for it. */
export const COMPRESS_FROM_MESSAGES = 50;

const compress = promisify(gzip);
const decompress = promisify(unzip);

let installedLevel: number | undefined;

/** Makes kafkajs's GZIP codec compress at `level` (process-wide: kafkajs keeps one codec table). Reading is unchanged. */
export function useGzipLevel(level = GZIP_LEVEL): void {
  if (installedLevel === level) return;
  installedLevel = level;
  CompressionCodecs[CompressionTypes.GZIP] = () => ({
    compress: (encoder: { buffer: Buffer }) => compress(encoder.buffer, { level }),
    decompress: (buffer: Buffer) => decompress(buffer),
  });
}

/** The codec for a request of this many messages. */
export function compressionFor(messages: number): CompressionTypes {
  return messages >= COMPRESS_FROM_MESSAGES ? CompressionTypes.GZIP : CompressionTypes.None;
}
