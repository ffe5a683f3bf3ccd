import { ApplicationDirectory, ApplicationSummary } from '@servertree/catalog';
import { NotFoundError } from '@servertree/ddd';
import { DiscardedApplicationError } from '../domain/installations/discarded-application.error';
import { ApplicationCatalogueLoader } from './application-catalogue.loader';

const LIVE = '0196a0b4-0000-7000-8000-00000000000a';
const DISCARDED = '0196a0b4-0000-7000-8000-00000000000d';

/** An in-memory catalogue that remembers what it was asked. */
class RecordingDirectory extends ApplicationDirectory {
  readonly asked: (readonly string[])[] = [];

  async findByIds(ids: readonly string[]): Promise<ApplicationSummary[]> {
    this.asked.push(ids);
    const all: ApplicationSummary[] = [
      { id: LIVE, name: 'nginx', version: '1.27.3', architecture: 'x86_64', discarded: false },
      { id: DISCARDED, name: 'old', version: '1', architecture: 'x86_64', discarded: true },
    ];
    return all.filter((application) => ids.includes(application.id));
  }
}

describe('ApplicationCatalogueLoader', () => {
  it('looks every named application up in one call, each id once and in lower case', async () => {
    const directory = new RecordingDirectory();
    await new ApplicationCatalogueLoader(directory).load([LIVE, LIVE.toUpperCase(), 42, DISCARDED]);
    expect(directory.asked).toEqual([[LIVE, DISCARDED]]);
  });

  it('labels a live application and refuses unknown and discarded ones', async () => {
    const catalogue = await new ApplicationCatalogueLoader(new RecordingDirectory()).load([
      LIVE,
      DISCARDED,
    ]);
    expect(catalogue.installable(LIVE)).toEqual({
      name: 'nginx',
      version: '1.27.3',
      architecture: 'x86_64',
    });
    expect(() => catalogue.installable(DISCARDED)).toThrow(DiscardedApplicationError);
    expect(() => catalogue.installable('0196a0b4-0000-7000-8000-0000000000ff')).toThrow(
      NotFoundError,
    );
  });
});
