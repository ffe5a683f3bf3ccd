import { matchesTopic } from './topic-pattern';

describe('matchesTopic', () => {
  it.each([
    ['server.application.discarded', 'server.application.discarded', true],
    ['server.application.discarded', 'server.application.modified', false],
    ['server.*.discarded', 'server.server.discarded', true],
    ['server.*.discarded', 'server.server.credential.discarded', false],
    ['server.#', 'server.server.credential_added', true],
    ['server.#', 'server', true],
    ['#', 'anything.at.all', true],
    ['#.discarded', 'server.application.discarded', true],
    ['server.#.discarded', 'server.discarded', true],
    ['server.#.discarded', 'server.application.modified', false],
    ['*', 'server.application', false],
  ])('%s matches %s: %s', (pattern, routingKey, expected) => {
    expect(matchesTopic(pattern, routingKey)).toBe(expected);
  });
});
