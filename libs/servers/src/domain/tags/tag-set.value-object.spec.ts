import { violationsOf } from '@servertree/ddd/testing';
import { fixedApplicationCatalogue } from '../../testing/fixed-application-catalogue';
import { ReversiblePasswordVault } from '../../testing/reversible-password-vault';
import { SERVER_ID, ServerMother } from '../../testing/server.mother';
import { ServerModified } from '../events/server-modified.event';
import { ServerRegistered } from '../events/server-registered.event';
import { Server } from '../server.aggregate';
import { TagSet } from './tag-set.value-object';

describe('TagSet', () => {
  it('is a sorted set: order and repeats in the input do not matter', () => {
    expect(TagSet.create(['web', 'eu-west-1', 'web', 'team.pay_ments']).toJSON()).toEqual([
      'eu-west-1',
      'team.pay_ments',
      'web',
    ]);
    expect(TagSet.create(['b', 'a']).equals(TagSet.create(['a', 'b', 'a']))).toBe(true);
  });

  it('reads absent as no tags', () => {
    expect(TagSet.create(undefined).toJSON()).toEqual([]);
    expect(TagSet.create(null).toJSON()).toEqual([]);
  });

  it('names every bad tag by its position, and says what a tag is', () => {
    expect(violationsOf(() => TagSet.create(['web', 'Web', '-x', 7, 'a'.repeat(65)]))).toEqual([
      {
        field: 'tags[1]',
        message:
          "tags[1] must be a tag: 1–64 lower-case letters, digits, '_', '.' or '-', starting with a letter or digit (got \"Web\")",
      },
      { field: 'tags[2]', message: expect.stringContaining('(got "-x")') },
      { field: 'tags[3]', message: 'tags[3] must be a string' },
      { field: 'tags[4]', message: expect.stringMatching(/^tags\[4\] must be a tag/) },
    ]);
  });

  it('holds at most 32 distinct tags', () => {
    const tags = (count: number) => Array.from({ length: count }, (_, i) => `t${i}`);
    expect(TagSet.create([...tags(32), 't0']).values).toHaveLength(32);
    expect(violationsOf(() => TagSet.create(tags(33)))).toEqual([
      { field: 'tags', message: 'tags must hold at most 32 distinct tags (got 33)' },
    ]);
    expect(violationsOf(() => TagSet.create('web'))).toEqual([
      { field: 'tags', message: 'tags must be a list of tags' },
    ]);
  });
});

describe('tags on a server', () => {
  const services = { vault: new ReversiblePasswordVault(), catalogue: fixedApplicationCatalogue };
  const at = new Date('2026-01-01T00:00:00Z');

  it('are part of the registration event, sorted', () => {
    const untagged = Server.register(SERVER_ID, ServerMother.registration(), services, at);
    expect((untagged.pullEvents()[0] as ServerRegistered).data.profile.toJSON().tags).toEqual([]);
    const tagged = Server.register(
      SERVER_ID,
      ServerMother.registration({ tags: ['web', 'db'] }),
      services,
      at,
    );
    expect((tagged.pullEvents()[0] as ServerRegistered).data.profile.toJSON().tags).toEqual([
      'db',
      'web',
    ]);
  });

  it('are replaced as a whole by modify, and the event shows from and to', () => {
    const server = ServerMother.registered({ tags: ['web'] });
    server.modify({ tags: ['web', 'edge'] }, new Date('2026-02-01T00:00:00Z'));
    const [event] = server.pullEvents() as ServerModified[];
    expect(event.data.before.toJSON().tags).toEqual(['web']);
    expect(event.data.after.toJSON().tags).toEqual(['edge', 'web']);

    server.modify({ tags: ['edge', 'web', 'web'] }, new Date('2026-02-02T00:00:00Z'));
    expect(server.pullEvents()).toEqual([]);
  });
});
