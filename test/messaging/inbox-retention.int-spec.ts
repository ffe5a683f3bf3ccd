import { Inbox } from '@servertree/messaging';
import { useTestApp } from '../support/test-app';

describe('inbox retention (MariaDB)', () => {
  const t = useTestApp();

  it('forgets processed events after 30 days and keeps recent ones', async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);
    for (const [eventId, processedAt] of [
      ['00000000-0000-7000-8000-000000000031', daysAgo(31)],
      ['00000000-0000-7000-8000-000000000029', daysAgo(29)],
    ] as const) {
      await t.dataSource.query(
        'INSERT INTO inbox (consumer, event_id, processed_at) VALUES (?, ?, ?)',
        ['retention-test', eventId, processedAt],
      );
    }

    await t.app.get(Inbox).forgetExpired();

    const rows = await t.dataSource.query(
      "SELECT event_id FROM inbox WHERE consumer = 'retention-test'",
    );
    expect(rows.map((row: { event_id: string }) => row.event_id)).toEqual([
      '00000000-0000-7000-8000-000000000029',
    ]);
  });
});
