import { ServerMother } from '../testing/server.mother';
import { violationsOf } from '@servertree/ddd/testing';
import { ServerProfile } from './server-profile.value-object';

const profile = (overrides: object = {}) =>
  ServerProfile.create({ ...ServerMother.registration(), ...overrides });

describe('ServerProfile', () => {
  it('trims the name and the operating system parts', () => {
    expect(
      profile({
        name: '  web-01 ',
        operatingSystem: { name: ' Ubuntu', version: '24.04 ', architecture: ' arm64 ' },
      }).toJSON(),
    ).toEqual({
      name: 'web-01',
      cpuCores: 4,
      ramMb: 8192,
      diskGb: 200,
      environment: 'production',
      operatingSystem: { name: 'Ubuntu', version: '24.04', architecture: 'arm64' },
      tags: [],
    });
  });

  it('leaves unknown sizes null', () => {
    expect(profile({ cpuCores: undefined, ramMb: null, diskGb: undefined }).toJSON()).toMatchObject(
      { cpuCores: null, ramMb: null, diskGb: null },
    );
  });

  it.each([
    ['cpuCores', 1],
    ['cpuCores', 4096],
    ['ramMb', 67_108_864],
    ['diskGb', 1_048_576],
  ])('accepts %s = %d', (field, value) => {
    expect(profile({ [field]: value }).toJSON()).toMatchObject({ [field]: value });
  });

  it.each([
    ['name', '   ', 'name must be 1–255 characters long after trimming (got 0)'],
    ['name', 'x'.repeat(256), 'name must be 1–255 characters long after trimming (got 256)'],
    ['name', undefined, 'name is required'],
    ['cpuCores', 0, 'cpuCores must be between 1 and 4096 (got 0)'],
    ['cpuCores', 4097, 'cpuCores must be between 1 and 4096 (got 4097)'],
    ['cpuCores', 2.5, 'cpuCores must be an integer'],
    ['cpuCores', '4', 'cpuCores must be an integer'],
    ['ramMb', 67_108_865, 'ramMb must be between 1 and 67108864 (got 67108865)'],
    ['diskGb', -1, 'diskGb must be between 1 and 1048576 (got -1)'],
    ['environment', undefined, 'environment is required'],
    [
      'environment',
      'Production',
      'environment must be a slug: 1–32 lower-case letters, digits or hyphens, not starting with a hyphen (got "Production")',
    ],
    ['operatingSystem', undefined, 'operatingSystem is required'],
    [
      'operatingSystem',
      'Ubuntu 24.04',
      'operatingSystem must be an object with name, version and architecture',
    ],
    [
      'operatingSystem',
      ['Ubuntu'],
      'operatingSystem must be an object with name, version and architecture',
    ],
  ])('refuses %s = %j', (field, value, message) => {
    expect(violationsOf(() => profile({ [field]: value }))).toEqual([{ field, message }]);
  });

  it.each(['-prod', 'prod_eu', 'prod eu', '', 'a'.repeat(33)])(
    'refuses the environment %j',
    (environment) => {
      expect(violationsOf(() => profile({ environment }))[0].field).toBe('environment');
    },
  );

  it.each(['production', 'dev-eu-1', '7', 'a'.repeat(32)])(
    'accepts the environment %j',
    (environment) => {
      expect(profile({ environment }).toJSON().environment).toBe(environment);
    },
  );

  it('names each broken part of the operating system', () => {
    expect(
      violationsOf(() =>
        profile({ operatingSystem: { name: '', version: 'x'.repeat(65), architecture: 7 } }),
      ),
    ).toEqual([
      {
        field: 'operatingSystem.name',
        message: 'operatingSystem.name must be 1–64 characters long after trimming (got 0)',
      },
      {
        field: 'operatingSystem.version',
        message: 'operatingSystem.version must be 1–64 characters long after trimming (got 65)',
      },
      {
        field: 'operatingSystem.architecture',
        message: 'operatingSystem.architecture must be a string',
      },
    ]);
  });

  it('reports every broken field at once', () => {
    expect(
      violationsOf(() => profile({ name: '', ramMb: 0, environment: 'X' })).map((v) => v.field),
    ).toEqual(['name', 'ramMb', 'environment']);
  });

  describe('with', () => {
    it('replaces only the given fields, null clearing an optional one', () => {
      expect(profile().with({ ramMb: 16384, diskGb: null }).toJSON()).toEqual({
        ...profile().toJSON(),
        ramMb: 16384,
        diskGb: null,
      });
    });

    it('does not let a required field be cleared', () => {
      expect(violationsOf(() => profile().with({ name: null }))).toEqual([
        { field: 'name', message: 'name is required' },
      ]);
    });
  });
});
