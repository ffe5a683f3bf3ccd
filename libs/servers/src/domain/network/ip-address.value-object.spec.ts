import { violationsOf } from '@servertree/ddd/testing';
import { IpAddress } from './ip-address.value-object';

const canonical = (text: string) => IpAddress.create('localIp', text).value;

describe('IpAddress', () => {
  it.each(['0.0.0.0', '10.0.0.5', '192.168.1.254', '255.255.255.255'])(
    'keeps the IPv4 address %s as given',
    (text) => {
      expect(canonical(text)).toBe(text);
    },
  );

  it.each([
    ['2001:DB8::1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:0:1:0:0:0', '2001:db8:0:0:1::'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['::', '::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['1::', '1::'],
    ['fe80::0001', 'fe80::1'],
    ['::FFFF:192.0.2.1', '::ffff:192.0.2.1'],
    ['::ffff:c000:0201', '::ffff:192.0.2.1'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
  ])('writes the IPv6 address %s in RFC 5952 form: %s', (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });

  it('makes two spellings of one address equal', () => {
    expect(
      IpAddress.create('localIp', '2001:DB8:0:0::1').equals(
        IpAddress.create('localIp', '2001:db8::0:1'),
      ),
    ).toBe(true);
  });

  it.each([
    '256.0.0.1',
    '10.0.0',
    '10.0.0.5.1',
    '010.0.0.5',
    '1.2.3.-4',
    '2001:db8::1::2',
    '2001:db8:0:0:0:0:0:0:1',
    '2001:db8:0:0:0:0:1',
    '1:2:3:4:5:6:7:8::',
    '12345::1',
    ':1::2',
    '1::2:',
    ':::',
    '1.2.3.4::',
    '::1.2.3.4:5',
    '::ffff:256.0.0.1',
    'g::1',
    'fe80::1%eth0',
    ' 10.0.0.5',
    'localhost',
    'example.com',
  ])('refuses %j, naming the field and the rule', (text) => {
    const [violation] = violationsOf(() => IpAddress.create('publicIp', text));
    expect(violation.field).toBe('publicIp');
    expect(violation.message).toMatch(/^publicIp must be an IPv4 address .* or an IPv6 address/);
  });

  it.each([
    [undefined, 'localIp is required'],
    [null, 'localIp is required'],
    [167772165, 'localIp must be a string'],
  ])('refuses %j', (value, message) => {
    expect(violationsOf(() => IpAddress.create('localIp', value))).toEqual([
      { field: 'localIp', message },
    ]);
  });
});
