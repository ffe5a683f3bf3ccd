import { requireText, TextValue } from '@servertree/ddd';

/** 1–255 characters after trimming; unique among live servers, compared case-insensitively. */
export class ServerName extends TextValue {
  static readonly MAX_LENGTH = 255;

  static create(value: unknown): ServerName {
    return new ServerName(
      requireText('name', value, { min: 1, max: ServerName.MAX_LENGTH, trim: true }),
    );
  }
}
