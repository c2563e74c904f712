#include "http/server.hpp"

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/http/span_body.hpp>
#include <mutex>
#include <thread>
#include <tuple>
#include <unordered_set>
#include <vector>

#include "app/errors.hpp"
#include "http/problem.hpp"
#include "log.hpp"

namespace confer::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
namespace {

constexpr auto nothrow = asio::as_tuple(asio::use_awaitable);

struct Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  std::atomic<bool> busy{false};  // a request is being read, handled or answered
};

template <class Body>
void set_headers(beast_http::response<Body>& message, const Response& response) {
  message.set(beast_http::field::server, "confer");
  if (!response.content_type.empty())
    message.set(beast_http::field::content_type, response.content_type);
  for (const auto& [name, value] : response.headers) message.insert(name, value);
}

// A cached body goes out from the cache's own buffer: no copy per request.
beast_http::response<beast_http::span_body<const char>> to_beast_shared(const Response& response,
                                                                        unsigned version,
                                                                        bool keep_alive) {
  beast_http::response<beast_http::span_body<const char>> message{
      static_cast<beast_http::status>(response.status), version};
  set_headers(message, response);
  const auto payload = response.payload();
  message.body() = {payload.data(), payload.size()};
  message.keep_alive(keep_alive);
  message.prepare_payload();
  return message;
}

beast_http::response<beast_http::string_body> to_beast(Response response, unsigned version,
                                                       bool keep_alive, bool head) {
  beast_http::response<beast_http::string_body> message{
      static_cast<beast_http::status>(response.status), version};
  set_headers(message, response);
  if (response.shared_body)
    message.body() = std::string(response.payload());
  else
    message.body() = std::move(response.body);
  message.keep_alive(keep_alive);
  message.prepare_payload();
  if (head) {
    auto size = message.body().size();
    message.body().clear();
    message.content_length(size);
  }
  return message;
}

}  // namespace

struct Server::State {
  State(ServerOptions options_in, RequestHandler handler_in)
      : options(std::move(options_in)),
        handler(std::move(handler_in)),
        readers(std::max(1, options.read_threads)),
        writers(std::max(1, options.write_threads)),
        control(asio::make_strand(io)),
        acceptor(control),
        signals(control, SIGTERM, SIGINT),
        drain_timer(control) {}

  ServerOptions options;
  RequestHandler handler;
  asio::io_context io;
  asio::thread_pool readers;
  asio::thread_pool writers;
  std::atomic<std::size_t> readers_waiting{0};
  std::atomic<std::size_t> writers_waiting{0};
  // The acceptor, the signals and the drain run on one strand: Asio objects
  // are not thread-safe, and the pool has several threads.
  asio::strand<asio::io_context::executor_type> control;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer drain_timer;
  std::atomic<bool> draining{false};
  std::mutex connections_mutex;
  std::unordered_set<std::shared_ptr<Connection>> connections;
  std::chrono::steady_clock::time_point drain_deadline;

  asio::awaitable<void> accept_loop() {
    for (;;) {
      tcp::socket socket(asio::make_strand(io));
      auto [error] = co_await acceptor.async_accept(socket, nothrow);
      if (error) {
        if (!acceptor.is_open()) co_return;
        continue;
      }
      boost::system::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      auto connection = std::make_shared<Connection>(std::move(socket));
      {
        std::lock_guard lock(connections_mutex);
        connections.insert(connection);
      }
      auto executor = connection->stream.get_executor();
      asio::co_spawn(executor, session(connection), [this, connection](const std::exception_ptr&) {
        std::lock_guard lock(connections_mutex);
        connections.erase(connection);
      });
    }
  }

  asio::awaitable<void> write_problem(beast::tcp_stream& stream, app::ErrorKind kind,
                                      std::string detail) {
    auto response = problem_response(app::Error(kind, std::move(detail)));
    auto message = to_beast(std::move(response), 11, false, false);
    stream.expires_after(std::chrono::seconds(options.body_timeout_seconds));
    co_await beast_http::async_write(stream, message, nothrow);
  }

  Response call_handler(const RawRequest& request, const std::string& client_ip) {
    // The pipeline answers every error itself; this is the net below it.
    try {
      return handler(request, client_ip);
    } catch (...) {
      return problem_for_current_exception();
    }
  }

  static bool changes_something(beast_http::verb method) {
    return method == beast_http::verb::post || method == beast_http::verb::put ||
           method == beast_http::verb::patch || method == beast_http::verb::delete_;
  }

  // The handler's answer, from the pool the request belongs to (or inline).
  asio::awaitable<Response> respond(const RawRequest& request, const std::string& client_ip) {
    if (options.inline_request && options.inline_request(request))
      co_return call_handler(request, client_ip);
    const bool write = options.write_threads > 0 && changes_something(request.method());
    auto& pool = write ? writers : readers;
    auto& waiting = write ? writers_waiting : readers_waiting;
    if (waiting.fetch_add(1) >= options.max_waiting) {
      waiting.fetch_sub(1);
      co_return problem_response(app::Error::retry_later(
          app::ErrorKind::unavailable, "The server is busy; try again in a moment.", 1));
    }
    auto response = co_await asio::co_spawn(
        pool, [&]() -> asio::awaitable<Response> { co_return call_handler(request, client_ip); },
        asio::use_awaitable);
    waiting.fetch_sub(1);
    co_return response;
  }

  asio::awaitable<void> session(std::shared_ptr<Connection> connection) {
    auto& stream = connection->stream;
    std::string client_ip;
    {
      boost::system::error_code error;
      auto endpoint = stream.socket().remote_endpoint(error);
      if (!error) client_ip = endpoint.address().to_string();
    }
    beast::flat_buffer buffer;
    while (!draining) {
      beast_http::request_parser<beast_http::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
      parser.body_limit(options.max_body_bytes);
      connection->busy = false;
      stream.expires_after(std::chrono::seconds(options.header_timeout_seconds));
      auto [read_error, header_bytes] =
          co_await beast_http::async_read_header(stream, buffer, parser, nothrow);
      connection->busy = true;
      if (read_error) {
        if (read_error == beast_http::error::header_limit)
          co_await write_problem(stream, app::ErrorKind::bad_request,
                                 "The request headers are too large.");
        else if (read_error == beast_http::error::body_limit)  // Content-Length too big
          co_await write_problem(stream, app::ErrorKind::payload_too_large,
                                 "The request body is larger than " +
                                     std::to_string(options.max_body_bytes) + " bytes.");
        else if (read_error != beast_http::error::end_of_stream &&
                 read_error != beast::error::timeout && read_error != asio::error::eof &&
                 read_error != asio::error::operation_aborted &&
                 read_error != asio::error::connection_reset && header_bytes > 0)
          co_await write_problem(stream, app::ErrorKind::bad_request,
                                 "The request is not valid HTTP/1.1.");
        break;
      }
      auto& header = parser.get();
      if (auto length = parser.content_length(); length && *length > options.max_body_bytes) {
        co_await write_problem(stream, app::ErrorKind::payload_too_large,
                               "The request body is larger than " +
                                   std::to_string(options.max_body_bytes) + " bytes.");
        break;
      }
      if (beast::iequals(header[beast_http::field::expect], "100-continue")) {
        static constexpr std::string_view go_on = "HTTP/1.1 100 Continue\r\n\r\n";
        co_await asio::async_write(stream, asio::buffer(go_on.data(), go_on.size()), nothrow);
      }
      if (!parser.is_done()) {
        stream.expires_after(std::chrono::seconds(options.body_timeout_seconds));
        auto [body_error, body_bytes] =
            co_await beast_http::async_read(stream, buffer, parser, nothrow);
        if (body_error == beast_http::error::body_limit) {
          co_await write_problem(stream, app::ErrorKind::payload_too_large,
                                 "The request body is larger than " +
                                     std::to_string(options.max_body_bytes) + " bytes.");
          break;
        }
        if (body_error) break;
      }
      auto request = parser.release();
      Response response = co_await respond(request, client_ip);
      const bool keep_alive = request.keep_alive() && !draining;
      const bool head = request.method() == beast_http::verb::head;
      stream.expires_after(std::chrono::seconds(options.body_timeout_seconds));
      boost::system::error_code write_error;
      if (response.shared_body && !head) {
        // `response` keeps the shared buffer alive until the write is done.
        auto message = to_beast_shared(response, request.version(), keep_alive);
        std::tie(write_error, std::ignore) =
            co_await beast_http::async_write(stream, message, nothrow);
      } else {
        auto message = to_beast(std::move(response), request.version(), keep_alive, head);
        std::tie(write_error, std::ignore) =
            co_await beast_http::async_write(stream, message, nothrow);
      }
      if (write_error || !keep_alive) break;
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.socket().close(ignored);
  }

  void begin_drain() {
    if (draining.exchange(true)) return;
    log::info("draining: no new connections, finishing requests in flight");
    boost::system::error_code ignored;
    acceptor.close(ignored);
    std::vector<std::shared_ptr<Connection>> open;
    {
      std::lock_guard lock(connections_mutex);
      open.assign(connections.begin(), connections.end());
    }
    // Idle keep-alive connections are closed now; busy ones after their response.
    for (auto& connection : open) {
      asio::post(connection->stream.get_executor(), [connection] {
        boost::system::error_code ignored;
        if (!connection->busy) connection->stream.socket().cancel(ignored);
      });
    }
    drain_deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.drain_seconds);
    wait_for_drain();
  }

  void wait_for_drain() {
    bool empty;
    {
      std::lock_guard lock(connections_mutex);
      empty = connections.empty();
    }
    if (empty || std::chrono::steady_clock::now() >= drain_deadline) {
      io.stop();
      return;
    }
    drain_timer.expires_after(std::chrono::milliseconds(25));
    drain_timer.async_wait([this](boost::system::error_code) { wait_for_drain(); });
  }
};

Server::Server(ServerOptions options, RequestHandler handler)
    : state_(std::make_unique<State>(std::move(options), std::move(handler))) {
  auto& s = *state_;
  tcp::endpoint endpoint(asio::ip::make_address(s.options.host), s.options.port);
  s.acceptor.open(endpoint.protocol());
  s.acceptor.set_option(asio::socket_base::reuse_address(true));
  s.acceptor.bind(endpoint);
  s.acceptor.listen(asio::socket_base::max_listen_connections);
}

Server::~Server() = default;

unsigned short Server::port() const {
  return state_->acceptor.local_endpoint().port();
}

void Server::stop() {
  asio::post(state_->control, [this] { state_->begin_drain(); });
}

void Server::run() {
  auto& s = *state_;
  s.signals.async_wait([&s](boost::system::error_code error, int) {
    if (!error) s.begin_drain();
  });
  asio::co_spawn(s.control, s.accept_loop(), asio::detached);
  std::vector<std::thread> pool;
  for (int i = 1; i < s.options.threads; ++i) pool.emplace_back([&s] { s.io.run(); });
  s.io.run();
  for (auto& thread : pool) thread.join();
  s.readers.join();
  s.writers.join();
}

}  // namespace confer::http
