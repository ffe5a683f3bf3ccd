export * from './domain.error';
export * from './invalid-input.error';
export * from './conflict.error';
export * from './aggregate-discarded.error';
export * from './concurrent-modification.error';
export * from './not-found.error';
export * from './revision-mismatch.error';
export * from './batch-rejected.error';
