import type { NextFunction, Request, Response } from 'express';

/**
 * Express error handler for the JSON body parser: a body that is not JSON is
 * answered without the parser's message, which quotes the body around the
 * bad token (`Unexpected token 'g', ..."token": ghp_e5dc"... is not valid JSON`).
 * Register it right after the parser; other errors pass on.
 */
export function malformedBodyHandler() {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if ((error as { type?: unknown } | null)?.type !== 'entity.parse.failed') {
      next(error);
      return;
    }
    res.status(400).json({
      errors: [{ message: 'Bad request: the request body is not valid JSON (it is not repeated)', extensions: { code: 'BAD_REQUEST' } }],
    });
  };
}
