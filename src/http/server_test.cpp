#include "http/server.hpp"

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace confer::http {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

// One request on a connection of its own; the status, or 0 on failure.
unsigned request(unsigned short port, beast_http::verb method, const std::string& target = "/x",
                 std::string* retry_after = nullptr) {
  try {
    asio::io_context io;
    tcp::socket socket(io);
    socket.connect({asio::ip::make_address("127.0.0.1"), port});
    RawRequest req{method, target, 11};
    req.set(beast_http::field::host, "127.0.0.1");
    req.prepare_payload();
    beast_http::write(socket, req);
    boost::beast::flat_buffer buffer;
    beast_http::response<beast_http::string_body> res;
    beast_http::read(socket, buffer, res);
    if (retry_after) *retry_after = std::string(res[beast_http::field::retry_after]);
    return res.result_int();
  } catch (const std::exception&) {
    return 0;
  }
}

// Handlers of POSTs that wait (up to 5 s) until the test lets them go.
struct Gate {
  std::mutex mutex;
  std::condition_variable changed;
  int waiting = 0;
  bool open = false;

  Response pass() {
    std::unique_lock lock(mutex);
    ++waiting;
    changed.notify_all();
    if (!changed.wait_for(lock, 5s, [&] { return open; })) return Response::text(503, "", "");
    return Response::text(200, "text/plain", "done");
  }
  bool wait_for_waiting(int count) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, 5s, [&] { return waiting >= count; });
  }
  void let_go() {
    std::lock_guard lock(mutex);
    open = true;
    changed.notify_all();
  }
};

struct RunningServer {
  RunningServer(int threads, int write_threads, Gate& gate) {
    ServerOptions options;
    options.port = 0;
    options.threads = threads;
    options.write_threads = write_threads;
    server = std::make_unique<Server>(options, [&gate](const RawRequest& req, const std::string&) {
      if (req.method() == beast_http::verb::post) return gate.pass();
      return Response::text(200, "text/plain", "read");
    });
    runner = std::thread([this] { server->run(); });
  }
  ~RunningServer() {
    server->stop();
    runner.join();
  }
  std::unique_ptr<Server> server;
  std::thread runner;
};

TEST(ServerWriteThreads, WritesWaitingOnTheirOwnThreadsLeaveReadsAnswered) {
  // One HTTP thread and three write threads: three POSTs wait at once, and a
  // GET is answered meanwhile. (All on the one HTTP thread, the first POST
  // would hold it and nothing else would be served.)
  Gate gate;
  RunningServer running(1, 3, gate);
  const auto port = running.server->port();
  std::vector<unsigned> statuses(3);
  std::vector<std::thread> posts;
  posts.reserve(statuses.size());
  for (auto& status : statuses)
    posts.emplace_back([&status, port] { status = request(port, beast_http::verb::post); });
  EXPECT_TRUE(gate.wait_for_waiting(3)) << "the writes did not run side by side";
  EXPECT_EQ(request(port, beast_http::verb::get), 200u) << "a read while three writes wait";
  gate.let_go();
  for (auto& post : posts) post.join();
  for (auto status : statuses) EXPECT_EQ(status, 200u);
}

TEST(ServerWriteThreads, AStopLetsAWriteUnderWayFinishAndBeAnswered) {
  Gate gate;
  auto running = std::make_unique<RunningServer>(1, 2, gate);
  const auto port = running->server->port();
  unsigned status = 0;
  std::thread post([&] { status = request(port, beast_http::verb::post); });
  ASSERT_TRUE(gate.wait_for_waiting(1));
  running->server->stop();
  std::this_thread::sleep_for(100ms);
  gate.let_go();
  post.join();
  EXPECT_EQ(status, 200u);
  running.reset();  // run() has returned: the destructor joins it
}

// Reads held up on the read pool: health answers on the connection thread,
// and a full pool says 503 at once instead of queueing without end.
TEST(ServerPools, ASlowRouteNeitherStarvesHealthNorQueuesWithoutEnd) {
  Gate gate;
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  options.read_threads = 2;
  options.max_waiting = 3;
  options.inline_request = [](const RawRequest& req) { return req.target() == "/api/health"; };
  Server server(options, [&gate](const RawRequest& req, const std::string&) {
    if (req.target() == "/api/health") return Response::text(200, "text/plain", "ok");
    return gate.pass();  // every other route is slow
  });
  std::thread runner([&] { server.run(); });
  const auto port = server.port();
  std::vector<unsigned> statuses(3);
  std::vector<std::thread> slow;
  for (auto& status : statuses)
    slow.emplace_back([&status, port] { status = request(port, beast_http::verb::get); });
  ASSERT_TRUE(gate.wait_for_waiting(2)) << "both read threads hold a slow request";
  std::this_thread::sleep_for(50ms);  // the third is queued behind them
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(request(port, beast_http::verb::get, "/api/health"), 200u);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s) << "health waited for the slow ones";
  std::string retry_after;
  EXPECT_EQ(request(port, beast_http::verb::get, "/y", &retry_after), 503u)
      << "a fourth, past the cap";
  EXPECT_EQ(retry_after, "1");
  gate.let_go();
  for (auto& thread : slow) thread.join();
  for (auto status : statuses) EXPECT_EQ(status, 200u);
  EXPECT_EQ(request(port, beast_http::verb::get), 200u) << "room again once they are done";
  server.stop();
  runner.join();
}

}  // namespace
}  // namespace confer::http
