#include "http/client_address.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace confer::http {
namespace {

TEST(TrustedProxies, MatchIpv4AndIpv6Networks) {
  auto proxies = TrustedProxies::parse("10.0.0.0/8, 192.168.1.7, 172.16.0.0/12, fd00::/8, ::1/128");
  EXPECT_TRUE(proxies.trusts("10.255.3.4"));
  EXPECT_TRUE(proxies.trusts("192.168.1.7"));
  EXPECT_FALSE(proxies.trusts("192.168.1.8"));
  EXPECT_TRUE(proxies.trusts("172.31.255.255"));
  EXPECT_FALSE(proxies.trusts("172.32.0.0"));
  EXPECT_TRUE(proxies.trusts("fd12:3456::1"));
  EXPECT_FALSE(proxies.trusts("fe80::1"));
  EXPECT_TRUE(proxies.trusts("::1"));
  EXPECT_TRUE(proxies.trusts("0:0:0:0:0:0:0:1"));
  EXPECT_FALSE(proxies.trusts("::2"));
  EXPECT_FALSE(proxies.trusts("11.0.0.1"));
  EXPECT_FALSE(proxies.trusts("not an address"));
  EXPECT_FALSE(proxies.trusts(""));
}

TEST(TrustedProxies, PrefixesThatAreNotWholeBytes) {
  auto proxies = TrustedProxies::parse("100.64.0.0/10,2001:db8:8000::/33");
  EXPECT_TRUE(proxies.trusts("100.127.255.255"));
  EXPECT_FALSE(proxies.trusts("100.128.0.0"));
  EXPECT_TRUE(proxies.trusts("2001:db8:ffff::1"));
  EXPECT_FALSE(proxies.trusts("2001:db8:7fff::1"));
}

TEST(TrustedProxies, Ipv4WrittenAsIpv6IsIpv4) {
  auto proxies = TrustedProxies::loopback();
  EXPECT_TRUE(proxies.trusts("::ffff:127.0.0.1"));
  EXPECT_TRUE(proxies.trusts("127.1.2.3"));
  EXPECT_FALSE(proxies.trusts("::ffff:10.0.0.1"));
}

TEST(TrustedProxies, ZeroPrefixTrustsEveryAddressOfItsFamily) {
  auto proxies = TrustedProxies::parse("0.0.0.0/0");
  EXPECT_TRUE(proxies.trusts("203.0.113.1"));
  EXPECT_FALSE(proxies.trusts("2001:db8::1"));
}

TEST(TrustedProxies, EmptyEntriesAreSkipped) {
  EXPECT_TRUE(TrustedProxies::parse(" , ").empty());
  EXPECT_TRUE(TrustedProxies::parse("10.0.0.1, ,").trusts("10.0.0.1"));
}

TEST(TrustedProxies, MalformedEntriesAreRefusedByName) {
  for (const char* bad : {"10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8x",
                          "10.0.0", "banana", "10.0.0.0/8/8", "1.2.3.4.5", "::1/1 28"}) {
    try {
      TrustedProxies::parse(std::string("127.0.0.1, ") + bad);
      ADD_FAILURE() << bad << " was accepted";
    } catch (const std::invalid_argument& error) {
      EXPECT_NE(std::string(error.what()).find(bad), std::string::npos) << error.what();
    }
  }
}

class ClientAddress : public ::testing::Test {
 protected:
  TrustedProxies proxies = TrustedProxies::parse("127.0.0.0/8, ::1/128, 10.0.0.0/8");
};

TEST_F(ClientAddress, AnUntrustedPeerIsTheClientWhateverTheHeaderSays) {
  EXPECT_EQ(client_address("203.0.113.5", "1.2.3.4", proxies), "203.0.113.5");
  EXPECT_EQ(client_address("203.0.113.5", "", proxies), "203.0.113.5");
  EXPECT_EQ(client_address("::ffff:203.0.113.5", "1.2.3.4", proxies), "203.0.113.5");
}

TEST_F(ClientAddress, TheRightmostUntrustedEntryIsTheClient) {
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.1", proxies), "198.51.100.1");
  // The client wrote "6.6.6.6" itself; our proxy appended what it saw.
  EXPECT_EQ(client_address("127.0.0.1", "6.6.6.6, 198.51.100.1", proxies), "198.51.100.1");
  EXPECT_EQ(client_address("10.1.1.1", "6.6.6.6,198.51.100.1, 10.2.2.2 ,10.3.3.3", proxies),
            "198.51.100.1");
  EXPECT_EQ(client_address("::1", "2001:DB8:0::0001, ::1", proxies), "2001:db8::1");
  EXPECT_EQ(client_address("127.0.0.1", "::ffff:198.51.100.1", proxies), "198.51.100.1");
}

TEST_F(ClientAddress, NoUsableHeaderLeavesThePeer) {
  EXPECT_EQ(client_address("127.0.0.1", "", proxies), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", " , ", proxies), "127.0.0.1");
  EXPECT_EQ(client_address("::ffff:127.0.0.1", "", proxies), "127.0.0.1");
}

TEST_F(ClientAddress, AMalformedEntryStopsTheWalkAtTheLastTrustedHop) {
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.1, unknown", proxies), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.1, garbage, 10.0.0.9", proxies), "10.0.0.9");
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.1:4711", proxies), "127.0.0.1");
}

TEST_F(ClientAddress, WhenEveryHopIsTrustedTheLeftmostIsTheClient) {
  EXPECT_EQ(client_address("127.0.0.1", "10.0.0.7, 10.0.0.8", proxies), "10.0.0.7");
}

TEST_F(ClientAddress, NobodyTrustedMeansTheHeaderIsNeverRead) {
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.1", TrustedProxies{}), "127.0.0.1");
}

}  // namespace
}  // namespace confer::http
