/**
 * The canonical text of an IP address, or undefined when the text is none. Written out here
 * because the domain does not reach for node:net, and node:net only recognises addresses: it
 * does not tell that `2001:DB8:0:0::1` and `2001:db8::1` are one address.
 */
export function canonicalIp(text: string): string | undefined {
  const ipv4 = parseIpv4(text);
  if (ipv4) return ipv4.join('.');
  const ipv6 = parseIpv6(text);
  return ipv6 ? formatIpv6(ipv6) : undefined;
}

/** 0–255 without leading zeros: `010` reads as octal to some tools, so it is refused. */
const OCTET = String.raw`(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
const IPV4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);
const HEXTET = /^[0-9a-fA-F]{1,4}$/;
const HEXTETS = 8;

function parseIpv4(text: string): number[] | undefined {
  const match = IPV4.exec(text);
  return match ? match.slice(1).map(Number) : undefined;
}

/** The eight 16-bit groups of an IPv6 address (RFC 4291 §2.2 text forms, no zone index). */
function parseIpv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  if (halves.length === 1) {
    const groups = parseGroups(halves[0], true);
    return groups?.length === HEXTETS ? groups : undefined;
  }
  const head = parseGroups(halves[0], false);
  const tail = parseGroups(halves[1], true);
  // "::" stands for at least one group of zeros.
  if (!head || !tail || head.length + tail.length >= HEXTETS) return undefined;
  return [...head, ...new Array<number>(HEXTETS - head.length - tail.length).fill(0), ...tail];
}

/** Colon-separated groups; only the very end of an address may be a dotted quad. */
function parseGroups(part: string, mayEndInIpv4: boolean): number[] | undefined {
  if (part === '') return [];
  const texts = part.split(':');
  const groups: number[] = [];
  for (const [index, group] of texts.entries()) {
    const ipv4 = mayEndInIpv4 && index === texts.length - 1 ? parseIpv4(group) : undefined;
    if (ipv4) groups.push(ipv4[0] * 256 + ipv4[1], ipv4[2] * 256 + ipv4[3]);
    else if (HEXTET.test(group)) groups.push(parseInt(group, 16));
    else return undefined;
  }
  return groups;
}

/**
 * RFC 5952: lower-case hex without leading zeros, the longest run of two or more zero groups
 * (the first one on a tie) written as "::", and IPv4-mapped addresses in dotted form.
 */
function formatIpv6(groups: readonly number[]): string {
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const bytes = [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff];
    return `::ffff:${bytes.join('.')}`;
  }
  const run = longestZeroRun(groups);
  const hex = groups.map((group) => group.toString(16));
  if (run.length < 2) return hex.join(':');
  const before = hex.slice(0, run.start).join(':');
  const after = hex.slice(run.start + run.length).join(':');
  return `${before}::${after}`;
}

function longestZeroRun(groups: readonly number[]): { start: number; length: number } {
  let longest = { start: 0, length: 0 };
  let start = 0;
  for (let index = 0; index <= groups.length; index++) {
    if (index < groups.length && groups[index] === 0) continue;
    if (index - start > longest.length) longest = { start, length: index - start };
    start = index + 1;
  }
  return longest;
}
