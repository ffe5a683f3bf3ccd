import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ProblemResponse } from '@servertree/platform';

/** Swagger UI at /docs and the OpenAPI document at /docs-json, both outside /api/v1. */
export function setUpApiDocs(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('ServerTree')
    .setDescription(
      'Server inventory: servers, their credentials and installed applications, and the ' +
        'applications catalogue. Every change is published as a CloudEvent on RabbitMQ ' +
        '(see /asyncapi.json). Errors are RFC 9457 application/problem+json.',
    )
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description:
        'HS256/RS256 JWT with `exp` and `roles`: reader (GETs), editor (writes), admin (reveal)',
    })
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemResponse] });
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
