#pragma once
// The HTTP/1.1 server: Boost.Beast over Asio, one coroutine per connection
// run by a thread pool. It enforces the transport limits — header size, body
// size, read timeouts, keep-alive — and hands each complete request to a
// handler. On SIGTERM/SIGINT it stops accepting, lets requests in flight
// finish (up to drain_seconds) and returns from run().
#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "http/message.hpp"

namespace confer::http {

// Connection threads accept, read and parse requests and write answers; no
// handler runs there but an inline one (memory only: /api/health), so a slow
// handler never holds up reading, writing or the health check. Handlers run
// on the read pool, or on the write pool for requests that change something
// when it has threads. Each pool takes at most max_waiting requests (queued
// or running); past that the answer is 503 with Retry-After: 1 at once,
// instead of a queue that grows without end.
struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  int threads = 4;
  int read_threads = 4;
  // Threads that run the handlers of requests that change something (POST,
  // PUT, PATCH, DELETE); 0 runs them on the read pool.
  int write_threads = 0;
  std::size_t max_waiting = 512;
  // Requests answered on the connection thread (their handler must not block).
  std::function<bool(const RawRequest&)> inline_request;
  std::size_t max_body_bytes = 1024 * 1024;
  std::size_t max_header_bytes = 16 * 1024;
  int header_timeout_seconds = 10;  // also the keep-alive idle limit
  int body_timeout_seconds = 30;
  int drain_seconds = 10;
};

using RequestHandler = std::function<Response(const RawRequest&, const std::string& client_ip)>;

class Server {
 public:
  Server(ServerOptions options, RequestHandler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  unsigned short port() const;  // the bound port (useful with port 0)
  // Serves until a stop signal (or stop()), then drains; returns when done.
  void run();
  void stop();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace confer::http
