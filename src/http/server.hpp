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

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  int threads = 4;
  // Threads that run the handlers of requests that change something (POST,
  // PUT, PATCH, DELETE); 0 runs them on the connection threads too.
  int write_threads = 0;
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
