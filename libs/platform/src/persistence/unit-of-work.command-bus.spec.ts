import { Global, Module } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { CommandObserver } from '../metrics/command-observer';
import { Metrics } from '../metrics/metrics';
import { cqrsWithUnitOfWork } from './cqrs-with-unit-of-work.module';
import { UnitOfWork } from './unit-of-work';
import { UnitOfWorkCommandBus } from './unit-of-work.command-bus';

class PingCommand {}

@CommandHandler(PingCommand)
class PingHandler implements ICommandHandler<PingCommand> {
  async execute(): Promise<string> {
    return 'pong';
  }
}

const ran: string[] = [];
const recordingUnitOfWork = {
  run: async <T>(work: () => Promise<T>) => {
    ran.push('unit of work');
    return work();
  },
};

@Global()
@Module({
  providers: [{ provide: UnitOfWork, useValue: recordingUnitOfWork }, Metrics, CommandObserver],
  exports: [UnitOfWork, CommandObserver],
})
class FakePersistenceModule {}

/**
 * Pins how @nestjs/cqrs lets the transactional bus in through public API only: the provider
 * override in cqrsWithUnitOfWork(), and our explicit @Inject replacing the options token
 * CommandBus declares for its second constructor parameter.
 */
describe('UnitOfWorkCommandBus', () => {
  it('is the CommandBus everyone gets, and runs each command in the unit of work', async () => {
    const module = await Test.createTestingModule({
      imports: [FakePersistenceModule, cqrsWithUnitOfWork()],
      providers: [PingHandler],
    }).compile();
    await module.init();
    const bus = module.get(CommandBus);

    expect(bus).toBeInstanceOf(UnitOfWorkCommandBus);
    expect(await bus.execute(new PingCommand())).toBe('pong');
    expect(ran).toEqual(['unit of work']);
    const observed = await module
      .get(Metrics)
      .registry.getSingleMetricAsString('servertree_command_duration_seconds');
    expect(observed).toContain('command="PingCommand",outcome="ok"');
    await module.close();
  });
});
