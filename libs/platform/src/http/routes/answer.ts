import { HttpStatus } from '@nestjs/common';

/** Anything that carries an aggregate's revision: its view, or a command's acknowledgement. */
export interface Revisioned {
  readonly revision: number;
}

/**
 * What a route answers when the body alone does not say it all: a creation (201, and the new
 * resource's URL as Location), or a body that is not the resource but is still tagged with its
 * revision (a revealed password). Routes that answer the resource itself return it plainly;
 * AnswerInterceptor turns either into the HTTP answer, so controllers never touch the reply.
 */
export class Answer<T = unknown> {
  private constructor(
    readonly body: T,
    readonly revision: number,
    readonly status?: HttpStatus.CREATED,
    readonly location?: string,
  ) {}

  /** A resource that did not exist before: 201, its ETag and, if given, Location. */
  static created<T extends Revisioned>(resource: T, location?: string): Answer<T> {
    return new Answer(resource, resource.revision, HttpStatus.CREATED, location);
  }

  /** A body about the resource at `revision`, answered with that revision's ETag. */
  static tagged<T>(body: T, revision: number): Answer<T> {
    return new Answer(body, revision);
  }
}
