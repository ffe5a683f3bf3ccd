import { InvalidInputError, requirePattern, TextValue } from '@servertree/ddd';
import { canonicalIp } from './ip-text';

const RULE = 'an IPv4 address such as 192.0.2.10 or an IPv6 address such as 2001:db8::10';
/** The characters any IP address is written with; a quick, well-worded first refusal. */
const IP_CHARACTERS = /^[0-9a-fA-F.:]{2,45}$/;

/**
 * An IPv4 or IPv6 address, kept in canonical form (RFC 5952 for IPv6), so one address is
 * always stored, compared and filtered as the same text.
 */
export class IpAddress extends TextValue {
  /** @param field the input field it was given as: `localIp` or `publicIp`. */
  static create(field: string, value: unknown): IpAddress {
    const text = requirePattern(field, value, IP_CHARACTERS, RULE);
    const canonical = canonicalIp(text);
    if (canonical === undefined) {
      throw InvalidInputError.single(field, `${field} must be ${RULE} (got "${text}")`);
    }
    return new IpAddress(canonical);
  }
}
