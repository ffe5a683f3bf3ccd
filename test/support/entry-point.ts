import { join } from 'node:path';

export const ROOT = join(__dirname, '../..');

/** `node` arguments that run the real entry point from source, as `npm start` would run it. */
export const ENTRY_POINT_ARGS = [
  '-r',
  'ts-node/register/transpile-only',
  '-r',
  'tsconfig-paths/register',
  join(ROOT, 'apps/api/src/main.ts'),
];
