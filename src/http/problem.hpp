#pragma once
// RFC 9457 problem details: the one place where error kinds become HTTP
// status codes, titles and type URIs.
#include "app/errors.hpp"
#include "http/message.hpp"

namespace confer::http {

unsigned status_of(app::ErrorKind kind);
Response problem_response(const app::Error& error);

}  // namespace confer::http
