import type { Request, Response } from 'express';
import { payloadTooLargeHandler } from './payload-too-large';

describe('payload too large', () => {
  const handler = payloadTooLargeHandler('1kb');

  it('answers a body over BODY_LIMIT with a JSON 413 naming the limit and the size', () => {
    const res = { status: jest.fn().mockReturnThis(), json: jest.fn() };
    const next = jest.fn();

    handler({ type: 'entity.too.large', status: 413, length: 5000, limit: 1024 }, {} as Request, res as unknown as Response, next);

    expect(res.status).toHaveBeenCalledWith(413);
    expect(res.json).toHaveBeenCalledWith({
      errors: [
        {
          message: 'Payload too large: the request body has 5000 bytes; the limit is 1kb (BODY_LIMIT)',
          extensions: { code: 'PAYLOAD_TOO_LARGE', limit: '1kb', actual: 5000, setting: 'BODY_LIMIT' },
        },
      ],
    });
    expect(next).not.toHaveBeenCalled();
  });

  it('passes other errors on', () => {
    const next = jest.fn();
    const error = { type: 'entity.parse.failed' };

    handler(error, {} as Request, {} as Response, next);

    expect(next).toHaveBeenCalledWith(error);
  });
});
