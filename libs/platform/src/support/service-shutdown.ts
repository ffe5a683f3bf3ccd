import { Injectable } from '@nestjs/common';

/**
 * Whether the process has been asked to stop. Readiness turns false the moment it has, so a
 * load balancer stops sending new work while what is in flight finishes.
 */
@Injectable()
export class ServiceShutdown {
  #inProgress = false;

  begin(): void {
    this.#inProgress = true;
  }

  get inProgress(): boolean {
    return this.#inProgress;
  }
}
