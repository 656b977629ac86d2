import { Controller, Get } from '@nestjs/common';

/** Liveness and readiness of the gateway: it keeps no state, so being up is being ready. */
@Controller('health')
export class GatewayHealthController {
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  ready(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
