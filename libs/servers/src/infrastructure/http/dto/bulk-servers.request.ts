import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { NestedList } from '@servertree/platform';
import { Allow } from 'class-validator';
import { MAX_SERVERS_PER_BATCH } from '../../../domain/server-batch';
import { ModifyServerRequest } from './modify-server.request';
import { RegisterServerRequest } from './register-server.request';

const OPERATING_SYSTEM = { name: 'Debian', version: '12', architecture: 'x86_64' };

/** Shape only, like the single-server bodies; the domain judges every item. */
export class BulkRegisterServersRequest {
  @ApiProperty({
    type: [RegisterServerRequest],
    minItems: 1,
    maxItems: MAX_SERVERS_PER_BATCH,
    description: 'Registered all or none, answered in this order',
    example: [
      {
        name: 'web-01',
        environment: 'production',
        operatingSystem: OPERATING_SYSTEM,
        tags: ['web', 'eu-west-1'],
      },
      {
        name: 'db-01',
        cpuCores: 16,
        ramMb: 65536,
        environment: 'production',
        operatingSystem: OPERATING_SYSTEM,
        tags: ['db'],
      },
    ],
  })
  @NestedList(() => RegisterServerRequest)
  items!: RegisterServerRequest[];
}

class ServerReference {
  @ApiProperty({ format: 'uuid', example: '0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0b' })
  @Allow()
  id!: string;

  @ApiPropertyOptional({
    type: Number,
    example: 3,
    description: 'Like If-Match: the change applies only if this is still the revision (else 412)',
  })
  @Allow()
  revision?: number;
}

/** One server's change: its id, optionally the revision it applies to, and the fields. */
export class BulkModifyServerItem extends IntersectionType(ServerReference, ModifyServerRequest) {}

export class BulkModifyServersRequest {
  @ApiProperty({
    type: [BulkModifyServerItem],
    minItems: 1,
    maxItems: MAX_SERVERS_PER_BATCH,
    description: 'Modified all or none, answered in this order',
    example: [
      { id: '0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0b', revision: 3, tags: ['web', 'retired'] },
      { id: '0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0c', ramMb: 16384 },
    ],
  })
  @NestedList(() => BulkModifyServerItem)
  items!: BulkModifyServerItem[];
}

export class BulkDiscardServersRequest {
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: MAX_SERVERS_PER_BATCH,
    description: 'Discarded all or none',
    example: ['0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0b', '0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0c'],
  })
  @Allow()
  ids!: string[];
}
