import { Controller, Get, Header, Headers, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { timingSafeEqual } from 'node:crypto';
import { FastifyReply } from 'fastify';
import { PublicRoute } from '../auth/access.decorators';
import { AppConfig } from '../config/app-config';
import { Metrics } from './metrics';

/**
 * `GET /metrics` at the root for Prometheus. Not behind the API's JWTs (a scraper has none):
 * open by default, a static bearer `METRICS_TOKEN` when configured.
 */
@ApiExcludeController()
@PublicRoute()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const token = this.config.observability.metricsToken;
    if (token !== undefined && !sameSecret(authorization ?? '', `Bearer ${token}`)) {
      throw new UnauthorizedException('GET /metrics needs the bearer METRICS_TOKEN.');
    }
    void reply.type(this.metrics.contentType);
    return this.metrics.render();
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
