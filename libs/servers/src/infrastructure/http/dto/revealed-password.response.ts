import { ApiProperty } from '@nestjs/swagger';

export class RevealedPasswordResponse {
  @ApiProperty({ format: 'password', example: 'correct horse battery staple' })
  password!: string;
}
