import { requirePattern, requireText, TextValue } from '@servertree/ddd';

/**
 * Absolute only, so a path means the same whoever reads it: POSIX (`/opt/app`) or a Windows
 * drive path (`C:\Program Files\App`, either slash). Relative paths, UNC shares and control
 * characters are refused; otherwise the path is kept exactly as given, not normalised.
 */
const ABSOLUTE_PATH = /^(?:\/\P{Cc}*|[A-Za-z]:[\\/][^\p{Cc}<>:"|?*]*)$/u;

/** Where an application is installed or logs to, 1–255 characters. */
export class DirectoryPath extends TextValue {
  static readonly MAX_LENGTH = 255;

  /** @param field the input field it was given as: `installDir` or `logDir`. */
  static create(field: string, value: unknown): DirectoryPath {
    const path = requireText(field, value, { min: 1, max: DirectoryPath.MAX_LENGTH });
    return new DirectoryPath(
      requirePattern(
        field,
        path,
        ABSOLUTE_PATH,
        'an absolute path such as /opt/app or C:\\Program Files\\App',
      ),
    );
  }
}
