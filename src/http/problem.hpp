#pragma once
// RFC 9457 problem details: the one place where error kinds become HTTP
// status codes, titles and type URIs, and where whatever escapes a request
// becomes one of them.
#include "app/errors.hpp"
#include "http/message.hpp"

namespace confer::http {

unsigned status_of(app::ErrorKind kind);
Response problem_response(const app::Error& error);

// The problem for the exception being handled; call it only inside a catch
// block. An app::Error answers as itself, a database failure as
// store::from_db_error says, anything else as a logged 500 that shows nothing.
Response problem_for_current_exception();

}  // namespace confer::http
