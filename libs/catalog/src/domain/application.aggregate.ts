import {
  AggregateLifecycle,
  AggregateRoot,
  ChangeSet,
  omitUndefined,
  unregistered,
  validateAll,
} from '@servertree/ddd';
import { ApplicationArchitecture } from './application-architecture.value-object';
import { ApplicationName } from './application-name.value-object';
import { ApplicationVersion } from './application-version.value-object';
import { ApplicationSnapshot } from './application.snapshot';
import { ApplicationDiscarded } from './events/application-discarded.event';
import { ApplicationModified } from './events/application-modified.event';
import { ApplicationRegistered } from './events/application-registered.event';

interface ApplicationProps {
  readonly name: ApplicationName;
  readonly version: ApplicationVersion;
  readonly architecture: ApplicationArchitecture;
}

/** Raw input: the value objects decide whether it is acceptable. */
export interface ApplicationDetails {
  readonly name: unknown;
  readonly version: unknown;
  readonly architecture: unknown;
}

/** An entry of the applications catalogue: one build of a piece of software. */
export class Application extends AggregateRoot {
  protected readonly aggregateType = 'Application';

  private constructor(
    id: string,
    private props: ApplicationProps,
    lifecycle: AggregateLifecycle,
  ) {
    super(id, lifecycle);
  }

  static register(id: string, details: ApplicationDetails, at: Date): Application {
    const application = new Application(id, Application.validate(details), unregistered(at));
    application.recordChange(ApplicationRegistered, () => application.snapshot(), at);
    return application;
  }

  /** Rebuilds a stored application; storage holds only what once passed validation. */
  static reconstitute(
    id: string,
    details: { name: string; version: string; architecture: string },
    lifecycle: AggregateLifecycle,
  ): Application {
    return new Application(id, Application.validate(details), lifecycle);
  }

  get name(): ApplicationName {
    return this.props.name;
  }

  get version(): ApplicationVersion {
    return this.props.version;
  }

  get architecture(): ApplicationArchitecture {
    return this.props.architecture;
  }

  /** Changes the given fields; fields left out keep their value. */
  modify(changes: Partial<ApplicationDetails>, at: Date): void {
    this.assertNotDiscarded();
    const next = Application.validate({ ...this.snapshot(), ...omitUndefined(changes) });
    const changeSet = new ChangeSet()
      .compare('name', this.props.name, next.name)
      .compare('version', this.props.version, next.version)
      .compare('architecture', this.props.architecture, next.architecture);
    if (changeSet.isEmpty) return;
    this.props = next;
    this.recordChange(ApplicationModified, { changes: changeSet.toJSON() }, at);
  }

  discard(at: Date): void {
    this.assertNotDiscarded();
    this.markDiscarded();
    this.recordChange(ApplicationDiscarded, {}, at);
  }

  snapshot(): ApplicationSnapshot {
    return {
      id: this.id,
      name: this.props.name.value,
      version: this.props.version.value,
      architecture: this.props.architecture.value,
      revision: this.revision,
      createdAt: this.createdAt.toISOString(),
      updatedAt: this.updatedAt.toISOString(),
      discarded: this.discarded,
    };
  }

  private static validate(details: ApplicationDetails): ApplicationProps {
    return validateAll({
      name: () => ApplicationName.create(details.name),
      version: () => ApplicationVersion.create(details.version),
      architecture: () => ApplicationArchitecture.create(details.architecture),
    });
  }
}
