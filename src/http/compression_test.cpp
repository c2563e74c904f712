#include "http/compression.hpp"

#include <brotli/decode.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "http/message.hpp"

namespace confer::http {
namespace {

std::string gunzip(const std::string& data) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

std::string unbrotli(const std::string& data) {
  std::string out(1 << 20, '\0');
  std::size_t size = out.size();
  EXPECT_EQ(BrotliDecoderDecompress(data.size(), reinterpret_cast<const std::uint8_t*>(data.data()),
                                    &size, reinterpret_cast<std::uint8_t*>(out.data())),
            BROTLI_DECODER_RESULT_SUCCESS);
  out.resize(size);
  return out;
}

// A slot list's shape: long and repetitive, as the answers worth compressing are.
std::string json_like(std::size_t slots) {
  std::string body = R"({"slots":[)";
  for (std::size_t i = 0; i < slots; ++i)
    body += R"({"id":"slot-)" + std::to_string(i * 7919 % 100000) +
            R"(","start":"2027-06-02T09:00:00Z","available":true},)";
  body += "]}";
  return body;
}

TEST(PreferredCoding, FollowsTheClientsWeights) {
  EXPECT_EQ(preferred_coding(""), ContentCoding::identity);
  EXPECT_EQ(preferred_coding("gzip"), ContentCoding::gzip);
  EXPECT_EQ(preferred_coding("gzip, deflate, br, zstd"), ContentCoding::br);
  EXPECT_EQ(preferred_coding("br;q=0.5, gzip"), ContentCoding::gzip);
  EXPECT_EQ(preferred_coding("BR ; Q=1 , GZIP;q=0.9"), ContentCoding::br);
  EXPECT_EQ(preferred_coding("x-gzip"), ContentCoding::gzip);
  EXPECT_EQ(preferred_coding("deflate, identity"), ContentCoding::identity);
}

TEST(PreferredCoding, ZeroWeightRefusesAndTheWildcardCoversTheUnnamed) {
  EXPECT_EQ(preferred_coding("br;q=0, gzip;q=0"), ContentCoding::identity);
  EXPECT_EQ(preferred_coding("br;q=0, gzip"), ContentCoding::gzip);
  EXPECT_EQ(preferred_coding("*"), ContentCoding::br);
  EXPECT_EQ(preferred_coding("*;q=0"), ContentCoding::identity);
  EXPECT_EQ(preferred_coding("br;q=0, *"), ContentCoding::gzip);
  EXPECT_EQ(preferred_coding("gzip;q=0.000"), ContentCoding::identity);
}

TEST(PreferredCoding, MalformedWeightsAreSkippedNotTrusted) {
  EXPECT_EQ(preferred_coding("br;q=2, gzip"), ContentCoding::gzip);
  EXPECT_EQ(preferred_coding("br;q=abc"), ContentCoding::identity);
  EXPECT_EQ(preferred_coding("br;q=1.5, gzip;q=0.1"), ContentCoding::gzip);
  EXPECT_EQ(preferred_coding("br;q=0.12345"), ContentCoding::identity);
  EXPECT_EQ(preferred_coding(",,;;=,q=,br;;q"), ContentCoding::br);
}

TEST(WorthCompressing, TextOfAKilobyteOrMore) {
  EXPECT_TRUE(worth_compressing("application/json", 1024));
  EXPECT_TRUE(worth_compressing("application/problem+json", 5000));
  EXPECT_TRUE(worth_compressing("text/javascript; charset=utf-8", 5000));
  EXPECT_TRUE(worth_compressing("image/svg+xml", 5000));
  EXPECT_FALSE(worth_compressing("application/json", 1023));
  EXPECT_FALSE(worth_compressing("image/png", 50000));
  EXPECT_FALSE(worth_compressing("font/woff2", 50000));
  EXPECT_FALSE(worth_compressing("", 50000));
}

TEST(Compress, RoundTripsAndShrinksTextInBothCodings) {
  const auto body = json_like(2000);
  const auto gzipped = compress(body, ContentCoding::gzip);
  const auto brotlied = compress(body, ContentCoding::br);
  EXPECT_EQ(gunzip(gzipped), body);
  EXPECT_EQ(unbrotli(brotlied), body);
  EXPECT_LT(gzipped.size(), body.size() / 5);
  EXPECT_LT(brotlied.size(), body.size() / 5);
  EXPECT_EQ(compress(body, ContentCoding::identity), body);
}

TEST(Compress, RoundTripsRandomBytesOfAnySize) {
  std::mt19937 random(7);
  for (std::size_t size : {0u, 1u, 17u, 1024u, 65537u}) {
    std::string bytes(size, '\0');
    for (auto& byte : bytes) byte = static_cast<char>(random());
    EXPECT_EQ(gunzip(gzip_compress(bytes, 9)), bytes) << size;
    EXPECT_EQ(unbrotli(brotli_compress(bytes, 11)), bytes) << size;
  }
}

TEST(SharedBody, MakesEachCodingOnceForManyThreads) {
  const SharedBody body(json_like(500));
  std::vector<const std::string*> seen(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i)
    threads.emplace_back([&, i] { seen[i] = &body.encoded(ContentCoding::br); });
  for (auto& thread : threads) thread.join();
  for (const auto* encoded : seen) EXPECT_EQ(encoded, seen.front());
  EXPECT_EQ(unbrotli(*seen.front()), body.identity());
  EXPECT_EQ(gunzip(body.encoded(ContentCoding::gzip)), body.identity());
  EXPECT_EQ(&body.encoded(ContentCoding::identity), &body.identity());
}

}  // namespace
}  // namespace confer::http
