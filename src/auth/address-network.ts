import ipaddr from 'ipaddr.js';

/**
 * The network that guesses from an address are counted for: an IPv4 address itself, an IPv6 address's /64,
 * which one connection (a home, a virtual server) usually has the whole of, so that a guesser cannot make
 * each guess from an address of its own. Whatever form the address is written in, one network has one name.
 */
export function addressNetwork(address: string | null): string | null {
  if (address === null || !ipaddr.IPv6.isValid(address)) return address;
  const parsed = ipaddr.IPv6.parse(address);
  if (parsed.isIPv4MappedAddress()) return parsed.toIPv4Address().toString();
  return `${parsed.parts.slice(0, 4).map((part) => part.toString(16)).join(':')}::/64`;
}
