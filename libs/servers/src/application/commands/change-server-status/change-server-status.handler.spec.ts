import { jsonOf } from '@servertree/ddd/testing';
import { InvalidInputError, RevisionMismatchError } from '@servertree/ddd';
import { SERVER_ID, eachServerCommand } from '@servertree/servers/testing';
import { ServerStatusChanged } from '../../../domain/events/server-status-changed.event';
import { ChangeServerStatusCommand } from './change-server-status.command';
import { ChangeServerStatusHandler } from './change-server-status.handler';

describe('Changing the status of a server', () => {
  const { fixture, handler } = eachServerCommand(
    (deps) => new ChangeServerStatusHandler(deps.servers, deps.clock),
  );

  it('records the move from the old status to the new one', async () => {
    const { revision } = await handler.execute(new ChangeServerStatusCommand(SERVER_ID, 'running'));

    expect(revision).toBe(2);
    expect((await fixture.servers.findById(SERVER_ID))?.status.value).toBe('running');
    expect(fixture.servers.savedEvents).toEqual([expect.any(ServerStatusChanged)]);
    expect(jsonOf(fixture.servers.savedEvents[0].data)).toEqual({ from: 'stopped', to: 'running' });
  });

  it('records nothing when the server already has that status', async () => {
    const { revision } = await handler.execute(new ChangeServerStatusCommand(SERVER_ID, 'stopped'));
    expect(revision).toBe(1);
    expect(fixture.servers.savedEvents).toEqual([]);
  });

  it('refuses a status that does not exist', async () => {
    await expect(
      handler.execute(new ChangeServerStatusCommand(SERVER_ID, 'sleeping')),
    ).rejects.toThrow(InvalidInputError);
  });

  it('refuses a change conditional on another revision', async () => {
    await expect(
      handler.execute(new ChangeServerStatusCommand(SERVER_ID, 'running', 2)),
    ).rejects.toThrow(RevisionMismatchError);
    expect(fixture.servers.savedEvents).toEqual([]);
  });
});
