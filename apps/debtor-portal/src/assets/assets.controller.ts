import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { STYLESHEET } from '../portal-tokens.js';
import type { Stylesheet } from './stylesheet.js';

/** The one stylesheet (content-hashed, cached for a year). */
@Controller()
export class AssetsController {
  constructor(@Inject(STYLESHEET) private readonly stylesheet: Stylesheet) {}

  @Get('assets/:file')
  css(@Param('file') file: string, @Res() res: Response): void {
    if (`/assets/${file}` !== this.stylesheet.path) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable').setHeader('ETag', this.stylesheet.etag).type('text/css; charset=utf-8').send(this.stylesheet.body);
  }
}
