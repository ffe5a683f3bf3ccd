import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppConfig, DEFAULT_EXCHANGE, PublicRoute } from '@servertree/platform';
import { EventCatalog } from '../contracts/event-catalog';
import { asyncApiDocument } from './asyncapi-document';

/** GET /asyncapi.json: the published events, for subscribers what /docs-json is for clients. */
@ApiExcludeController()
@PublicRoute()
@Controller()
export class AsyncApiController {
  constructor(
    private readonly catalog: EventCatalog,
    private readonly config: AppConfig,
  ) {}

  @Get('asyncapi.json')
  document(): object {
    return asyncApiDocument(this.catalog.all(), this.config.broker?.exchange ?? DEFAULT_EXCHANGE);
  }
}
