import { AggregateDiscardedError } from '@servertree/ddd';
import { violationsOf } from '@servertree/ddd/testing';
import { ApplicationMother } from '../testing/application.mother';
import { Application } from './application.aggregate';
import { ApplicationDiscarded } from './events/application-discarded.event';
import { ApplicationModified } from './events/application-modified.event';
import { ApplicationRegistered } from './events/application-registered.event';

const T0 = new Date('2026-01-01T00:00:00Z');
const T1 = new Date('2026-01-02T00:00:00Z');
const ID = '0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0b';

describe('An application of the catalogue', () => {
  describe('when registered', () => {
    it('trims its fields and records one registered event at revision 1', () => {
      const application = Application.register(
        ID,
        { name: '  nginx ', version: ' 1.27.3', architecture: 'x86_64 ' },
        T0,
      );

      expect(application.toJSON()).toEqual({
        name: 'nginx',
        version: '1.27.3',
        architecture: 'x86_64',
      });
      expect(application).toMatchObject({
        revision: 1,
        createdAt: T0,
        updatedAt: T0,
        discarded: false,
      });
      const events = application.pullEvents();
      expect(events).toHaveLength(1);
      expect(events[0]).toBeInstanceOf(ApplicationRegistered);
      expect(events[0]).toMatchObject({
        aggregateId: ID,
        revision: 1,
        occurredAt: T0,
        data: { name: application.name, version: application.version },
      });
    });

    it('hands its events out only once', () => {
      const application = Application.register(ID, ApplicationMother.details(), T0);
      expect(application.pullEvents()).toHaveLength(1);
      expect(application.pullEvents()).toHaveLength(0);
    });

    it.each([
      ['name', { name: '' }, 'name must be 1–255 characters long after trimming (got 0)'],
      ['name', { name: '   ' }, 'name must be 1–255 characters long after trimming (got 0)'],
      [
        'name',
        { name: 'x'.repeat(256) },
        'name must be 1–255 characters long after trimming (got 256)',
      ],
      ['name', { name: 42 }, 'name must be a string'],
      ['name', { name: undefined }, 'name is required'],
      [
        'version',
        { version: 'v'.repeat(65) },
        'version must be 1–64 characters long after trimming (got 65)',
      ],
      ['version', { version: null }, 'version is required'],
      [
        'architecture',
        { architecture: 'a'.repeat(33) },
        'architecture must be 1–32 characters long after trimming (got 33)',
      ],
    ])('rejects a bad %s: %j', (field, override, message) => {
      expect(
        violationsOf(() => Application.register(ID, ApplicationMother.details(override), T0)),
      ).toEqual([{ field, message }]);
    });

    it('accepts the boundaries of every length rule', () => {
      const application = Application.register(
        ID,
        { name: 'n'.repeat(255), version: 'v'.repeat(64), architecture: 'a'.repeat(32) },
        T0,
      );
      expect(application.name.value).toHaveLength(255);
    });

    it('reports every broken rule at once', () => {
      const violations = violationsOf(() =>
        Application.register(ID, { name: '', version: '', architecture: '' }, T0),
      );
      expect(violations.map((v) => v.field)).toEqual(['name', 'version', 'architecture']);
    });
  });

  describe('when modified', () => {
    it('records the description before and after the change', () => {
      const application = ApplicationMother.registered();
      const before = application.version;

      application.modify({ name: 'nginx', version: '1.28.0' }, T1);

      const [event] = application.pullEvents() as ApplicationModified[];
      expect(event).toBeInstanceOf(ApplicationModified);
      expect(event.revision).toBe(2);
      expect(event.data.before.version).toEqual(before);
      expect(event.data.after.version.value).toBe('1.28.0');
      expect(event.data.after.name).toEqual(event.data.before.name);
      expect(application.revision).toBe(2);
      expect(application.updatedAt).toEqual(T1);
    });

    it('records nothing and keeps the revision when nothing changes (after trimming)', () => {
      const application = ApplicationMother.registered();

      application.modify({ name: ' nginx ', architecture: 'x86_64' }, T1);

      expect(application.pullEvents()).toEqual([]);
      expect(application.revision).toBe(1);
      expect(application.updatedAt).not.toEqual(T1);
    });

    it('validates changed fields with the same rules as registration', () => {
      const application = ApplicationMother.registered();
      expect(violationsOf(() => application.modify({ architecture: '' }, T1))).toEqual([
        {
          field: 'architecture',
          message: 'architecture must be 1–32 characters long after trimming (got 0)',
        },
      ]);
      expect(application.revision).toBe(1);
    });

    it('refuses an explicit null for a required field', () => {
      const application = ApplicationMother.registered();
      expect(violationsOf(() => application.modify({ name: null }, T1))).toEqual([
        { field: 'name', message: 'name is required' },
      ]);
    });
  });

  describe('when discarded', () => {
    it('marks the application discarded with one event', () => {
      const application = ApplicationMother.registered();

      application.discard(T1);

      expect(application.discarded).toBe(true);
      const [event] = application.pullEvents();
      expect(event).toBeInstanceOf(ApplicationDiscarded);
      expect(event).toMatchObject({ revision: 2, data: {} });
    });

    it('rejects every further command', () => {
      const application = ApplicationMother.registered();
      application.discard(T1);
      application.pullEvents();

      expect(() => application.discard(T1)).toThrow(AggregateDiscardedError);
      expect(() => application.modify({ name: 'other' }, T1)).toThrow(AggregateDiscardedError);
      expect(application.pullEvents()).toEqual([]);
      expect(application.revision).toBe(2);
    });
  });
});
