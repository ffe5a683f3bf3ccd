import { UnitOfWork } from '@servertree/platform';
import { randomUUID } from 'node:crypto';
import { useTestApp } from '../../../../../test/support/test-app';
import { ApplicationDirectory } from '../../contracts/application-directory';

const APPLICATIONS = '/api/v1/applications';

/** The directory on the real MariaDB, inside a command's unit of work as its callers use it. */
describe('TypeOrmApplicationDirectory (MariaDB)', () => {
  const t = useTestApp();
  let directory: ApplicationDirectory;
  let unitOfWork: UnitOfWork;

  beforeAll(async () => {
    directory = t.app.get(ApplicationDirectory);
    unitOfWork = t.app.get(UnitOfWork);
  });

  async function register(name: string): Promise<string> {
    const response = await t
      .http()
      .post(APPLICATIONS)
      .send({ name, version: '1', architecture: 'x86_64' })
      .expect(201);
    return response.body.id;
  }

  it('finds the applications asked for, discarded ones marked, unknown ones left out', async () => {
    const live = await register('directory-live');
    const gone = await register('directory-gone');
    await t.http().delete(`${APPLICATIONS}/${gone}`).expect(204);

    const found = await unitOfWork.run(() => directory.findByIds([live, gone, randomUUID()]));
    expect(found.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: live, name: 'directory-live', version: '1', architecture: 'x86_64', discarded: false },
      { id: gone, name: 'directory-gone', version: '1', architecture: 'x86_64', discarded: true },
    ]);
    await expect(unitOfWork.run(() => directory.findByIds([]))).resolves.toEqual([]);
  });

  it('keeps what it found locked: a discard waits until the asking command commits', async () => {
    const id = await register('directory-locked');
    const order: string[] = [];
    let finishCommand!: () => void;
    let lookedUp!: () => void;
    const lookupDone = new Promise<void>((resolve) => (lookedUp = resolve));

    const command = unitOfWork
      .run(async () => {
        await directory.findByIds([id]);
        lookedUp();
        await new Promise<void>((resolve) => (finishCommand = resolve));
      })
      .then(() => order.push('command committed'));
    await lookupDone;
    const discard = t
      .http()
      .delete(`${APPLICATIONS}/${id}`)
      .then((response) => order.push(`discard answered ${response.status}`));

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(order).toEqual([]);
    finishCommand();
    await Promise.all([command, discard]);
    expect(order).toEqual(['command committed', 'discard answered 204']);
  });
});
