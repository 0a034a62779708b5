import type { NextFunction, Request, Response } from 'express';

interface BodyParserError {
  type?: string;
  status?: number;
  length?: number;
  limit?: number;
}

/**
 * Express error handler for the JSON body parser: a body over BODY_LIMIT gets a GraphQL-shaped
 * JSON answer with HTTP 413 instead of the default HTML page; other errors pass on.
 */
export function payloadTooLargeHandler(bodyLimit: string) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    const parserError = (error ?? {}) as BodyParserError;
    if (parserError.type !== 'entity.too.large') {
      next(error);
      return;
    }
    const actual = parserError.length ?? 'more';
    res.status(413).json({
      errors: [
        {
          message: `Payload too large: the request body has ${actual} bytes; the limit is ${bodyLimit} (BODY_LIMIT)`,
          extensions: { code: 'PAYLOAD_TOO_LARGE', limit: bodyLimit, actual, setting: 'BODY_LIMIT' },
        },
      ],
    });
  };
}
