import { ArgumentsHost, Catch, ExceptionFilter, NotFoundException } from '@nestjs/common';
import type { Response } from 'express';

/** Nest's own answer to a path no route serves: "Cannot GET /<the path>". */
const ROUTE_NOT_FOUND = /^Cannot [A-Z]+ /;

export const UNKNOWN_ROUTE_MESSAGE = 'no such path; the gateway serves /graphql and /health';

/**
 * A request for a path no route serves gets a 404 that names the kind of mistake, not the path:
 * a path is the caller's text and may carry anything, a secret included (issue 15). Other
 * not-found answers (a controller's own) pass through unchanged.
 */
@Catch(NotFoundException)
export class UnknownRouteFilter implements ExceptionFilter<NotFoundException> {
  catch(exception: NotFoundException, host: ArgumentsHost): unknown {
    // Only HTTP requests meet an unknown route; anything else is handed back to Nest as it came.
    if (host.getType() !== 'http') return exception;
    const res = host.switchToHttp().getResponse<Response>();
    if (!ROUTE_NOT_FOUND.test(exception.message)) {
      res.status(exception.getStatus()).json(exception.getResponse());
      return undefined;
    }
    res.status(404).json({ statusCode: 404, error: 'Not Found', message: UNKNOWN_ROUTE_MESSAGE });
    return undefined;
  }
}
