import { ArgumentsHost, Catch, ExceptionFilter, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { loggedPath } from './request-log';

/**
 * Nest answers an unknown route with `Cannot POST /<the path as sent>?<query>`,
 * which repeats whatever the client put in the URL, a token included. The
 * answer names the method and the known prefix only. Other not-found errors
 * (a resolver's, a controller's) pass on unchanged.
 */
@Catch(NotFoundException)
export class RouteNotFoundFilter implements ExceptionFilter {
  catch(exception: NotFoundException, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return exception;
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const unknownRoute = exception.message.startsWith(`Cannot ${req.method} `);
    const body = exception.getResponse();
    res
      .status(404)
      .json(
        unknownRoute ? { statusCode: 404, error: 'Not Found', message: `no route for ${req.method} ${loggedPath(req.originalUrl)}` } : body,
      );
    return undefined;
  }
}
