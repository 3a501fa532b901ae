import { describe, expect, it } from 'vitest';
import { addressNetwork } from './address-network.ts';

describe('the network guesses from an address are counted for', () => {
  it('is an IPv4 address itself, also when it comes as an IPv6 address', () => {
    expect(addressNetwork('203.0.113.5')).toBe('203.0.113.5');
    expect(addressNetwork('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(addressNetwork('::FFFF:cb00:7105')).toBe('203.0.113.5');
    expect(addressNetwork(null)).toBeNull();
  });

  it('is the /64 of an IPv6 address, however the address is written', () => {
    const network = '2001:db8:0:7::/64';
    for (const address of ['2001:db8:0:7::1', '2001:DB8:0:7:ffff:1:2:3', '2001:0db8:0000:0007:0000:0000:0000:0001', '2001:db8::7:1:2:3:4', '2001:db8:0:7::9%eth0']) {
      expect(addressNetwork(address), address).toBe(network);
    }
    expect(addressNetwork('2001:db8:0:8::1')).toBe('2001:db8:0:8::/64');
    expect(addressNetwork('::1')).toBe('0:0:0:0::/64');
  });
});
