#pragma once
// Which client a request comes from when it may have passed through reverse
// proxies. X-Forwarded-For is a list each proxy appends the address it saw to,
// so only the entries our own proxies appended can be believed: walking from
// the right, every trusted proxy is skipped and the first other address is the
// client. Anything left of it was written by the client and is ignored. Pure:
// no I/O, no clock.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace confer::http {

// An IPv4 or IPv6 network such as "10.0.0.0/8" or "::1/128"; a bare address
// is a network of one.
struct AddressRange {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};  // IPv4 uses the first 4
  int prefix_bits = 0;
};

class TrustedProxies {
 public:
  TrustedProxies() = default;  // trusts no one
  // A comma-separated list of addresses and CIDR networks, IPv4 or IPv6.
  // Throws std::invalid_argument naming the first entry that is neither.
  static TrustedProxies parse(std::string_view list);
  // 127.0.0.0/8 and ::1/128: a proxy on the same machine.
  static TrustedProxies loopback();

  // False for text that is not an address. An IPv4 address written as
  // IPv6 (::ffff:10.0.0.1, as a dual-stack socket reports it) counts as IPv4.
  bool trusts(std::string_view address) const;
  bool empty() const { return ranges_.empty(); }

 private:
  std::vector<AddressRange> ranges_;
};

// The client's address in its canonical text ("2001:db8::1", IPv4-mapped
// written as IPv4). When `peer` is not a trusted proxy, `peer` itself and the
// header counts for nothing. Otherwise the entries of `forwarded_for` (all
// X-Forwarded-For lines joined by commas) are walked from the right: trusted
// proxies are skipped, the first other address is the client. The walk stops
// at an entry that is no address, answering the last trusted hop; when every
// entry is trusted, the leftmost one is the client.
std::string client_address(std::string_view peer, std::string_view forwarded_for,
                           const TrustedProxies& proxies);

}  // namespace confer::http
