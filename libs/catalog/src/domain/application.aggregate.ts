import {
  AggregateLifecycle,
  AggregateRoot,
  omitUndefined,
  unregistered,
  validateAll,
} from '@servertree/ddd';
import { ApplicationArchitecture } from './application-architecture.value-object';
import { ApplicationDescription, ApplicationValues } from './application-description';
import { ApplicationName } from './application-name.value-object';
import { ApplicationVersion } from './application-version.value-object';
import { ApplicationDiscarded } from './events/application-discarded.event';
import { ApplicationModified } from './events/application-modified.event';
import { ApplicationRegistered } from './events/application-registered.event';

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
    private props: ApplicationDescription,
    lifecycle: AggregateLifecycle,
  ) {
    super(id, lifecycle);
  }

  static register(id: string, details: ApplicationDetails, at: Date): Application {
    const application = new Application(id, Application.validate(details), unregistered(at));
    application.recordChange(ApplicationRegistered, application.props, at);
    return application;
  }

  /** Rebuilds a stored application; storage holds only what once passed validation. */
  static reconstitute(
    id: string,
    details: ApplicationValues,
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
    const before = this.props;
    const after = Application.validate({ ...this.toJSON(), ...omitUndefined(changes) });
    if (JSON.stringify(after) === JSON.stringify(before)) return;
    this.props = after;
    this.recordChange(ApplicationModified, { before, after }, at);
  }

  discard(at: Date): void {
    this.assertNotDiscarded();
    this.markDiscarded();
    this.recordChange(ApplicationDiscarded, {}, at);
  }

  toJSON(): ApplicationValues {
    return {
      name: this.props.name.value,
      version: this.props.version.value,
      architecture: this.props.architecture.value,
    };
  }

  private static validate(details: ApplicationDetails): ApplicationDescription {
    return validateAll({
      name: () => ApplicationName.create(details.name),
      version: () => ApplicationVersion.create(details.version),
      architecture: () => ApplicationArchitecture.create(details.architecture),
    });
  }
}
