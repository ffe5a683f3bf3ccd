import { Clock } from '../application';

/** "Now" as a test decides it. */
export class FixedClock extends Clock {
  constructor(private readonly instant = new Date('2026-02-01T00:00:00Z')) {
    super();
  }

  now(): Date {
    return this.instant;
  }
}
