export * from './webhook-subscription.mother';
export * from './reversible-webhook-secrets';
export * from './literal-host-target-policy';
export * from './in-memory-webhook-deliveries';
export * from './in-memory-webhook-subscription.repository';
export * from './webhook-command-fixture';
