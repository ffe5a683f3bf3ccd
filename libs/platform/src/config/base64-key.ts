export const BASE64_KEY_FORMAT =
  'a base64-encoded 32-byte key (e.g. from `openssl rand -base64 32`)';

const KEY_BYTES = 32;

/** The 32 bytes `encoded` stands for, or undefined when the text is anything else. */
export function decodeBase64Key(encoded: string): Buffer | undefined {
  const material = Buffer.from(encoded, 'base64');
  // Buffer.from skips what is not base64, so only a round trip shows the text was a key.
  return material.length === KEY_BYTES && material.toString('base64') === encoded
    ? material
    : undefined;
}
