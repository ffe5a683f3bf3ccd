import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiIdParam,
  ApiIfMatch,
  ApiProblems,
  ETAG_HEADER,
  etagOf,
  expectedRevisionFrom,
  Idempotent,
  parsePageQuery,
  QueryParams,
  RequiresRole,
  UuidParamPipe,
  withPageLinks,
} from '@servertree/platform';
import { FastifyReply } from 'fastify';
import { ChangeWebhookCommand } from '../../application/commands/change-webhook/change-webhook.command';
import { CreateWebhookCommand } from '../../application/commands/create-webhook/create-webhook.command';
import { RemoveWebhookCommand } from '../../application/commands/remove-webhook/remove-webhook.command';
import { RetryWebhookDeliveryCommand } from '../../application/commands/retry-webhook-delivery/retry-webhook-delivery.command';
import { GetWebhookQuery } from '../../application/queries/get-webhook/get-webhook.query';
import { ListWebhookDeliveriesQuery } from '../../application/queries/list-webhook-deliveries/list-webhook-deliveries.query';
import { ListWebhooksQuery } from '../../application/queries/list-webhooks/list-webhooks.query';
import type { WebhookSubscriptionSnapshot } from '../../domain/webhook-subscription.snapshot';
import { ChangeWebhookRequest, CreateWebhookRequest } from './dto/webhook.requests';
import {
  CreatedWebhookResponse,
  WebhookDeliveryPageResponse,
  WebhookPageResponse,
  WebhookResponse,
} from './dto/webhook.responses';

const BASE_PATH = '/api/v1/webhooks';

/** Webhook subscriptions and their delivery logs (SPEC §6); every route needs role admin. */
@ApiTags('webhooks')
@ApiProblems(401, 403)
@RequiresRole('admin')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Subscribe a URL to event types; the answer holds the secret, once' })
  @ApiCreatedResponse({ type: CreatedWebhookResponse, headers: ETAG_HEADER })
  @ApiProblems(400, 413, 415)
  async create(
    @Body() body: CreateWebhookRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebhookSubscriptionSnapshot & { secret: string }> {
    const { id, secret } = await this.commandBus.execute(new CreateWebhookCommand(body));
    reply.header('Location', `${BASE_PATH}/${id}`);
    return { ...(await this.current(id, reply)), secret };
  }

  @Get()
  @ApiOperation({ summary: 'List subscriptions (never their secrets)' })
  @ApiOkResponse({ type: WebhookPageResponse })
  async list(@Query() query: QueryParams): Promise<WebhookPageResponse> {
    const page = await this.queryBus.execute(new ListWebhooksQuery(parsePageQuery(query)));
    return withPageLinks(page, BASE_PATH, query) as WebhookPageResponse;
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read one subscription (never its secret)' })
  @ApiIdParam('id', 'Subscription id')
  @ApiOkResponse({ type: WebhookResponse, headers: ETAG_HEADER })
  @ApiProblems(400, 404)
  read(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebhookSubscriptionSnapshot> {
    return this.current(id, reply);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change url, eventTypes, description or enabled' })
  @ApiIdParam('id', 'Subscription id')
  @ApiIfMatch()
  @ApiOkResponse({ type: WebhookResponse, headers: ETAG_HEADER })
  @ApiProblems(400, 404, 409, 412, 413, 415)
  async change(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: ChangeWebhookRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebhookSubscriptionSnapshot> {
    await this.commandBus.execute(
      new ChangeWebhookCommand(id, body, expectedRevisionFrom(ifMatch)),
    );
    return this.current(id, reply);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a subscription; its pending deliveries are dropped' })
  @ApiIdParam('id', 'Subscription id')
  @ApiIfMatch()
  @ApiNoContentResponse({ headers: ETAG_HEADER })
  @ApiProblems(400, 404, 409, 412)
  async remove(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const { revision } = await this.commandBus.execute(
      new RemoveWebhookCommand(id, expectedRevisionFrom(ifMatch)),
    );
    reply.header('ETag', etagOf(revision));
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log, newest event first, paged' })
  @ApiIdParam('id', 'Subscription id')
  @ApiOkResponse({ type: WebhookDeliveryPageResponse })
  @ApiProblems(400, 404)
  async deliveries(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query() query: QueryParams,
  ): Promise<WebhookDeliveryPageResponse> {
    const page = await this.queryBus.execute(
      new ListWebhookDeliveriesQuery(id, parsePageQuery(query)),
    );
    return withPageLinks(
      page,
      `${BASE_PATH}/${id}/deliveries`,
      query,
    ) as WebhookDeliveryPageResponse;
  }

  @Post(':id/deliveries/:deliveryId/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Deliver a failed delivery again now' })
  @ApiIdParam('id', 'Subscription id')
  @ApiIdParam('deliveryId', 'Delivery id')
  @ApiAcceptedResponse({ description: 'Due now; the log shows how it goes' })
  @ApiProblems(400, 404, 409)
  async retry(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('deliveryId', new UuidParamPipe('deliveryId')) deliveryId: string,
  ): Promise<void> {
    await this.commandBus.execute(new RetryWebhookDeliveryCommand(id, deliveryId));
  }

  private async current(id: string, reply: FastifyReply): Promise<WebhookSubscriptionSnapshot> {
    const view = await this.queryBus.execute(new GetWebhookQuery(id));
    reply.header('ETag', etagOf(view.revision));
    return view;
  }
}
