import { ApiProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { SERVER_STATUSES } from '../../../domain/server-status.value-object';

export class ChangeStatusRequest {
  @ApiProperty({ enum: SERVER_STATUSES, example: 'running' })
  @Allow()
  status!: string;
}
