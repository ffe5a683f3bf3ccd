/**
 * Why an application left a server: someone asked (`requested`), or the catalogue discarded
 * it and the server followed (`application_discarded`). Published in `application_uninstalled`.
 */
export type UninstallReason = 'requested' | 'application_discarded';
