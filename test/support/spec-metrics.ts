/** SPEC §7: the ServerTree metrics an operator's dashboards and alerts may rely on. */
export const SPEC_METRICS = [
  'http_request_duration_seconds',
  'servertree_command_duration_seconds',
  'servertree_outbox_pending_events',
  'servertree_outbox_oldest_pending_age_seconds',
  'servertree_events_published_total',
  'servertree_broker_connected',
  'servertree_consumer_messages_total',
  'servertree_webhook_deliveries_total',
];
