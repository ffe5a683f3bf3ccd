import { APPLICATION_LABEL_MAX_LENGTHS } from '@servertree/catalog';
import {
  DirectoryPath,
  HARDWARE_LIMITS,
  OperatingSystem,
  Password,
  Port,
  ServerName,
  SLUG_MAX_LENGTH,
  SLUG_PATTERN,
  Username,
} from '@servertree/servers/testing';
import { useTestApp } from '../support/test-app';

/** `Schema.a.b` → the JSON schema of property `b` of property `a` of component `Schema`. */
type PropertyPath = string;

/**
 * One field rule and every place that repeats it. The value object is the source; OpenAPI
 * (from the DTOs' decorators), AsyncAPI (from the published contracts) and the migrations'
 * column lengths are copies that must say the same.
 */
interface FieldRule {
  readonly keyword: 'maxLength' | 'minimum' | 'maximum' | 'pattern';
  readonly value: number | string;
  readonly openApi?: readonly PropertyPath[];
  readonly asyncApi?: readonly PropertyPath[];
  /** `table.column` whose CHARACTER_MAXIMUM_LENGTH is the limit (maxLength rules only). */
  readonly columns?: readonly string[];
}

const osPart = (part: string): FieldRule => ({
  keyword: 'maxLength',
  value: OperatingSystem.PART_MAX_LENGTH,
  openApi: [`OperatingSystemRequest.${part}`],
  asyncApi: [`ServerRegisteredData.operatingSystem.${part}`],
  columns: [`servers.os_${part}`],
});

const hardware = (field: keyof typeof HARDWARE_LIMITS): FieldRule[] =>
  (['minimum', 'maximum'] as const).map((keyword) => ({
    keyword,
    value: HARDWARE_LIMITS[field][keyword === 'minimum' ? 'min' : 'max'],
    openApi: [`RegisterServerRequest.${field}`, `ModifyServerRequest.${field}`],
    asyncApi: [`ServerRegisteredData.${field}`, `ServerModifiedData.changes.${field}.to`],
  }));

const applicationLabel = (field: keyof typeof APPLICATION_LABEL_MAX_LENGTHS): FieldRule => ({
  keyword: 'maxLength',
  value: APPLICATION_LABEL_MAX_LENGTHS[field],
  openApi: [`RegisterApplicationRequest.${field}`],
  asyncApi: [`ApplicationRegisteredData.${field}`, `ServerRegisteredData.applications.${field}`],
  columns: [`applications.${field}`],
});

const RULES: readonly FieldRule[] = [
  {
    keyword: 'maxLength',
    value: ServerName.MAX_LENGTH,
    openApi: ['RegisterServerRequest.name', 'ModifyServerRequest.name'],
    asyncApi: ['ServerRegisteredData.name', 'ServerModifiedData.changes.name.from'],
    columns: ['servers.name'],
  },
  ...hardware('cpuCores'),
  ...hardware('ramMb'),
  ...hardware('diskGb'),
  {
    keyword: 'pattern',
    value: SLUG_PATTERN.source,
    openApi: [
      'RegisterServerRequest.environment',
      'ModifyServerRequest.environment',
      'AddCredentialRequest.connectionType',
    ],
    asyncApi: ['ServerRegisteredData.environment', 'CredentialAddedData.connectionType'],
  },
  {
    keyword: 'maxLength',
    value: SLUG_MAX_LENGTH,
    columns: ['servers.environment', 'server_credentials.connection_type'],
  },
  osPart('name'),
  osPart('version'),
  osPart('architecture'),
  {
    keyword: 'maxLength',
    value: Username.MAX_LENGTH,
    openApi: ['AddCredentialRequest.username'],
    asyncApi: ['CredentialAddedData.username'],
    columns: ['server_credentials.username'],
  },
  { keyword: 'maxLength', value: Password.MAX_LENGTH, openApi: ['AddCredentialRequest.password'] },
  {
    keyword: 'maximum',
    value: Port.MAX,
    openApi: ['AddCredentialRequest.localPort', 'AddCredentialRequest.publicPort'],
    asyncApi: ['CredentialAddedData.localPort', 'CredentialAddedData.publicPort'],
  },
  {
    keyword: 'maxLength',
    value: DirectoryPath.MAX_LENGTH,
    openApi: ['InstallApplicationRequest.installDir', 'InstallApplicationRequest.logDir'],
    asyncApi: ['ApplicationInstalledData.installDir', 'ApplicationInstalledData.logDir'],
    columns: ['server_applications.install_dir', 'server_applications.log_dir'],
  },
  applicationLabel('name'),
  applicationLabel('version'),
  applicationLabel('architecture'),
];

/** Follows `properties` (and array `items`) from a component schema down a dotted path. */
function propertyAt(schemas: Record<string, unknown>, path: PropertyPath): Record<string, unknown> {
  const [component, ...names] = path.split('.');
  let schema = schemas[component] as Record<string, unknown> | undefined;
  for (const name of names) {
    const items = schema?.items as Record<string, unknown> | undefined;
    const properties = (items ?? schema)?.properties as Record<string, unknown> | undefined;
    schema = properties?.[name] as Record<string, unknown> | undefined;
  }
  if (!schema) throw new Error(`${path} is not in the document`);
  return schema;
}

describe('field limits: one source, every copy in step', () => {
  const t = useTestApp({ database: 'mysql' });
  let openApiSchemas: Record<string, unknown>;
  let asyncApiSchemas: Record<string, unknown>;
  let columnLengths: Map<string, number>;

  beforeAll(async () => {
    const anonymous = t.http('anonymous');
    openApiSchemas = (await anonymous.get('/docs-json').expect(200)).body.components.schemas;
    asyncApiSchemas = (await anonymous.get('/asyncapi.json').expect(200)).body.components.schemas;
    const columns: { name: string; length: number | string | null }[] = await t.dataSource.query(
      `SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME) AS name, CHARACTER_MAXIMUM_LENGTH AS length
         FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = DATABASE()`,
    );
    columnLengths = new Map(columns.map(({ name, length }) => [name, Number(length)]));
  });

  it('the OpenAPI document, the AsyncAPI schemas and the columns say what the value objects say', () => {
    const expected: Record<string, unknown> = {};
    const actual: Record<string, unknown> = {};
    for (const { keyword, value, openApi = [], asyncApi = [], columns = [] } of RULES) {
      for (const path of openApi) {
        expected[`openapi ${path} ${keyword}`] = value;
        actual[`openapi ${path} ${keyword}`] = propertyAt(openApiSchemas, path)[keyword];
      }
      for (const path of asyncApi) {
        expected[`asyncapi ${path} ${keyword}`] = value;
        actual[`asyncapi ${path} ${keyword}`] = propertyAt(asyncApiSchemas, path)[keyword];
      }
      for (const column of columns) {
        expected[`column ${column}`] = value;
        actual[`column ${column}`] = columnLengths.get(column);
      }
    }

    expect(Object.keys(expected).length).toBeGreaterThan(40);
    expect(actual).toEqual(expected);
  });
});
