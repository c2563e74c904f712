#include "http/client_address.hpp"

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <charconv>
#include <optional>
#include <stdexcept>

namespace confer::http {
namespace {

namespace ip = boost::asio::ip;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// IPv4-mapped IPv6 becomes IPv4, so that one client has one spelling.
std::optional<ip::address> parse_address(std::string_view text) {
  boost::system::error_code error;
  auto address = ip::make_address(std::string(text), error);
  if (error) return std::nullopt;
  if (address.is_v6() && address.to_v6().is_v4_mapped())
    return ip::make_address_v4(ip::v4_mapped, address.to_v6());
  return address;
}

AddressRange range_of(const ip::address& address, int prefix_bits) {
  AddressRange range;
  range.v6 = address.is_v6();
  range.prefix_bits = prefix_bits;
  if (range.v6) {
    auto bytes = address.to_v6().to_bytes();
    std::copy(bytes.begin(), bytes.end(), range.bytes.begin());
  } else {
    auto bytes = address.to_v4().to_bytes();
    std::copy(bytes.begin(), bytes.end(), range.bytes.begin());
  }
  return range;
}

bool same_prefix(const AddressRange& a, const AddressRange& b, int bits) {
  for (int i = 0; bits > 0; ++i, bits -= 8) {
    const unsigned mask = bits >= 8 ? 0xffu : (0xffu << (8 - bits)) & 0xffu;
    if ((a.bytes[i] & mask) != (b.bytes[i] & mask)) return false;
  }
  return true;
}

AddressRange parse_range(std::string_view entry) {
  auto fail = [&]() -> AddressRange {
    throw std::invalid_argument("'" + std::string(entry) +
                                "' is not an IPv4 or IPv6 address or network (such as "
                                "10.0.0.0/8 or fd00::/8)");
  };
  const auto slash = entry.find('/');
  auto address = parse_address(trim(entry.substr(0, slash)));
  if (!address) return fail();
  const int max_bits = address->is_v6() ? 128 : 32;
  int bits = max_bits;
  if (slash != std::string_view::npos) {
    auto digits = trim(entry.substr(slash + 1));
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
    if (digits.empty() || error != std::errc{} || end != digits.data() + digits.size() ||
        bits < 0 || bits > max_bits)
      return fail();
  }
  return range_of(*address, bits);
}

}  // namespace

TrustedProxies TrustedProxies::parse(std::string_view list) {
  TrustedProxies proxies;
  while (!list.empty()) {
    const auto comma = list.find(',');
    const auto entry = trim(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    if (entry.empty()) continue;
    proxies.ranges_.push_back(parse_range(entry));
  }
  return proxies;
}

TrustedProxies TrustedProxies::loopback() {
  return parse("127.0.0.0/8, ::1/128");
}

bool TrustedProxies::trusts(std::string_view text) const {
  auto address = parse_address(trim(text));
  if (!address) return false;
  const auto one = range_of(*address, address->is_v6() ? 128 : 32);
  return std::any_of(ranges_.begin(), ranges_.end(), [&](const AddressRange& range) {
    return range.v6 == one.v6 && same_prefix(range, one, range.prefix_bits);
  });
}

std::string client_address(std::string_view peer, std::string_view forwarded_for,
                           const TrustedProxies& proxies) {
  auto canonical = [](std::string_view text) {
    auto address = parse_address(trim(text));
    return address ? address->to_string() : std::string(trim(text));
  };
  std::string client = canonical(peer);
  if (!proxies.trusts(peer)) return client;
  // From the right: each entry was appended by the hop to its right, which we
  // trust only while that hop is one of our proxies.
  auto rest = forwarded_for;
  while (true) {
    const auto comma = rest.rfind(',');
    const auto entry = trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    if (!entry.empty()) {
      auto address = parse_address(entry);
      if (!address) return client;
      client = address->to_string();
      if (!proxies.trusts(client)) return client;
    }
    if (comma == std::string_view::npos) return client;
    rest = rest.substr(0, comma);
  }
}

}  // namespace confer::http
