import { InvalidInputError, requireText, TextValue } from '@servertree/ddd';

/**
 * Where deliveries go: an absolute http(s) URL without credentials in it (they would end up in
 * logs and the delivery log). Whether its host may be reached is the target policy's call,
 * after DNS resolution, not this value's.
 */
export class WebhookUrl extends TextValue {
  static create(value: unknown, field = 'url'): WebhookUrl {
    const text = requireText(field, value, { min: 1, max: 2048, trim: true });
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw InvalidInputError.single(field, `${field} must be an absolute http(s) URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw InvalidInputError.single(field, `${field} must use http or https`);
    }
    if (url.username || url.password) {
      throw InvalidInputError.single(field, `${field} must not carry a user name or password`);
    }
    return new WebhookUrl(url.toString());
  }
}
