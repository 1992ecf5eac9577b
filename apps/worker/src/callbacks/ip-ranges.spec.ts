import { forbiddenRange } from './ip-ranges';

describe('forbiddenRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private (10'],
    ['172.16.0.1', 'private (172.16'],
    ['172.31.255.255', 'private (172.16'],
    ['192.168.1.1', 'private (192.168'],
    ['100.64.0.1', 'shared address space'],
    ['100.127.255.255', 'shared address space'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'this network'],
    ['0.1.2.3', 'this network'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback (::1)'],
    ['[::1]', 'loopback (::1)'],
    ['0:0:0:0:0:0:0:1', 'loopback (::1)'],
    ['fc00::1', 'unique local'],
    ['fd12:3456:789a::1', 'unique local'],
    ['fe80::1%eth0', 'link-local (fe80'],
    ['febf::1', 'link-local (fe80'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped 127.0.0.1: loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped 127.0.0.1: loopback'],
    ['::FFFF:A9FE:A9FE', 'IPv4-mapped 169.254.169.254: link-local'],
    ['::ffff:0:10.0.0.1', 'IPv4-translated 10.0.0.1'],
    ['::127.0.0.1', 'IPv4-compatible 127.0.0.1'],
    ['64:ff9b::192.168.0.1', 'NAT64 192.168.0.1'],
    ['2002:7f00:1::', '6to4 127.0.0.1'],
    ['2002:c0a8:0101::1', '6to4 192.168.1.1'],
    ['example.com', 'not an IP address'],
  ])('refuses %s (%s)', (address, range) => {
    expect(forbiddenRange(address)).toContain(range);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.15.255.255', '172.32.0.0', '100.63.255.255', '100.128.0.0', '169.253.255.255', '192.167.1.1', '223.255.255.255', '2606:4700:4700::1111', '2001:db8::1', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:0808:0808::1'])(
    'lets the public address %s through',
    (address) => {
      expect(forbiddenRange(address)).toBeNull();
    },
  );
});
