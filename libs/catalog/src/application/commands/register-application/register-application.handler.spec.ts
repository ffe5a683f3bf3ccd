import { ConflictError, InvalidInputError } from '@servertree/ddd';
import { FixedClock } from '@servertree/ddd/testing';
import { ApplicationMother, InMemoryApplicationRepository } from '@servertree/catalog/testing';
import { ApplicationRegistered } from '../../../domain/events/application-registered.event';
import { RegisterApplicationCommand } from './register-application.command';
import { RegisterApplicationHandler } from './register-application.handler';

describe('Registering an application', () => {
  const clock = new FixedClock();
  let applications: InMemoryApplicationRepository;
  let handler: RegisterApplicationHandler;

  beforeEach(() => {
    applications = new InMemoryApplicationRepository();
    handler = new RegisterApplicationHandler(applications, clock);
  });

  const register = (overrides = {}) => {
    const { name, version, architecture } = ApplicationMother.details(overrides);
    return handler.execute(new RegisterApplicationCommand(name, version, architecture));
  };

  it('stores the application at revision 1 and records its registration', async () => {
    const { id, revision } = await register();

    expect(revision).toBe(1);
    const stored = await applications.findById(id);
    expect(stored?.name.value).toBe('nginx');
    expect(stored?.createdAt).toEqual(clock.now());
    expect(applications.savedEvents).toEqual([
      expect.objectContaining({ aggregateId: id, revision: 1 }),
    ]);
    expect(applications.savedEvents[0]).toBeInstanceOf(ApplicationRegistered);
  });

  it('gives every application an id of its own', async () => {
    const first = await register({ version: '1' });
    const second = await register({ version: '2' });
    expect(first.id).not.toBe(second.id);
  });

  it('refuses invalid details and records nothing', async () => {
    await expect(register({ name: ' ' })).rejects.toThrow(InvalidInputError);
    expect(applications.savedEvents).toEqual([]);
  });

  it('refuses a name, version and architecture a live application already has', async () => {
    await register();
    await expect(register({ name: 'NGINX' })).rejects.toThrow(ConflictError);
    expect(applications.savedEvents).toHaveLength(1);
  });
});
