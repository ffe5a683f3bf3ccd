import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicRoute, ServiceShutdown } from '@servertree/platform';
import { BrokerHealthIndicator } from '@servertree/messaging';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';

/**
 * Liveness says the process answers; readiness says it can do its job: database reachable and
 * events reaching the broker (always so with in-process delivery), with a grace period for
 * broker outages; it also shows how many events wait in the outbox and for how long.
 */
@ApiTags('health')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly broker: BrokerHealthIndicator,
    private readonly shutdown: ServiceShutdown,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process is up' })
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({
    summary:
      'Readiness: database reachable, broker (when configured) not unreachable for longer than ' +
      'READINESS_BROKER_GRACE_SECONDS, and not stopping; reports the outbox backlog',
  })
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    if (this.shutdown.inProgress) {
      throw new ServiceUnavailableException('The service is shutting down.');
    }
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      () => this.broker.check('broker'),
      () => this.broker.outbox('outbox'),
    ]);
  }
}
