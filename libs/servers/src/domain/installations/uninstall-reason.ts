/**
 * Why an application left a server: someone asked (`requested`), or the catalogue discarded
 * it and the server followed (`application_discarded`). Published in `application_uninstalled`.
 */
export const UNINSTALL_REASONS = ['requested', 'application_discarded'] as const;
export type UninstallReason = (typeof UNINSTALL_REASONS)[number];
