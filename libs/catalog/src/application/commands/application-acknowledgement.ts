import type { AggregateAcknowledgement } from '@servertree/ddd';
import type { Application } from '../../domain/application.aggregate';

/**
 * What a command on an application answers: the application as the command left it, which the
 * caller shows (ApplicationView) without reading it back (ADR 4).
 */
export type ApplicationAcknowledgement = AggregateAcknowledgement<Application>;
