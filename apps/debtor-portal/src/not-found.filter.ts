import { Catch, NotFoundException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { notFound } from './page-handler.js';
import type { PortalResponder } from './portal-responder.js';
import type { PortalRequest } from './session/portal-request.js';

/** A path the portal does not have gets a calm page in the person's language, not the framework's JSON. */
@Catch(NotFoundException)
export class NotFoundFilter implements ExceptionFilter {
  constructor(private readonly responder: PortalResponder) {}

  async catch(_exception: NotFoundException, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const req = http.getRequest<PortalRequest>();
    const res = http.getResponse<Response>();
    // Assets and health checks run without the portal's request state: a plain answer is right there.
    if ((req as Partial<PortalRequest>).portal === undefined) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    await notFound(this.responder, req, res);
  }
}
