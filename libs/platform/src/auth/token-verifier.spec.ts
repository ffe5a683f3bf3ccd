import { UnauthorizedException } from '@nestjs/common';
import * as jsonwebtoken from 'jsonwebtoken';
import { AppConfig } from '../config/app-config';
import { SigningKey } from './signing-key';
import { TokenVerifier } from './token-verifier';

// The real verification, counted: it is what remembering a token saves.
jest.mock('jsonwebtoken', () => {
  const actual = jest.requireActual('jsonwebtoken');
  return { ...actual, verify: jest.fn(actual.verify) };
});

const SECRET = 'token-verifier-spec-secret-0123456789abcdef0123456789';

describe('TokenVerifier', () => {
  const verifier = new TokenVerifier(
    SigningKey.fromConfig(
      AppConfig.fromEnvironment({ NODE_ENV: 'test', AUTH_JWT_SECRET: SECRET, DATA_DIR: '/tmp' }),
    ),
  );
  const token = (claims: object, expiresIn: number) =>
    jsonwebtoken.sign(claims, SECRET, { algorithm: 'HS256', expiresIn });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('checks the signature of a token once, then remembers what it proved', () => {
    const signatureChecks = jest.mocked(jsonwebtoken.verify);
    signatureChecks.mockClear();
    const editor = token({ sub: 'ops', roles: ['editor'] }, 60);
    expect(verifier.verify(editor)).toEqual({ subject: 'ops', role: 'editor' });
    expect(verifier.verify(editor)).toEqual({ subject: 'ops', role: 'editor' });
    expect(signatureChecks).toHaveBeenCalledTimes(1);
  });

  it('refuses a remembered token once it has expired', () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T12:00:00Z') });
    const shortLived = token({ sub: 'ops', roles: ['reader'] }, 2);
    expect(verifier.verify(shortLived).role).toBe('reader');
    jest.setSystemTime(new Date('2026-12-01T12:00:02Z'));
    expect(() => verifier.verify(shortLived)).toThrow('The bearer token has expired.');
  });

  it('refuses a bad token every time', () => {
    const forged = jsonwebtoken.sign({ sub: 'x', roles: ['admin'] }, 'another secret', {
      expiresIn: 60,
    });
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(() => verifier.verify(forged)).toThrow(UnauthorizedException);
    }
  });
});
