#include "store/zoom_token_repo.hpp"

#include "store/catalog_store.hpp"

namespace confer::store {

void ZoomTokenRepo::put(const std::string& user_id, const app::SealedZoomTokens& tokens,
                        std::int64_t now) {
  clashes_as_port_errors([&] {
    database_.transaction(TxMode::write, [&](Session& session) {
      session.execute("DELETE FROM zoom_accounts WHERE user_id = $1", {user_id});
      session.execute(
          "INSERT INTO zoom_accounts (user_id, access_token_enc, refresh_token_enc, expires_at,"
          " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)",
          {user_id, tokens.access_token, tokens.refresh_token, tokens.expires_at, now});
    });
  });
}

std::optional<app::SealedZoomTokens> ZoomTokenRepo::find(const std::string& user_id) {
  std::optional<app::SealedZoomTokens> tokens;
  database_.transaction(TxMode::read, [&](Session& session) {
    auto row = session.query_one(
        "SELECT access_token_enc, refresh_token_enc, expires_at FROM zoom_accounts"
        " WHERE user_id = $1",
        {user_id});
    if (row) tokens = app::SealedZoomTokens{row->text(0), row->text(1), row->integer(2)};
  });
  return tokens;
}

bool ZoomTokenRepo::exists(const std::string& user_id) {
  bool found = false;
  database_.transaction(TxMode::read, [&](Session& session) {
    found =
        session.query_one("SELECT 1 FROM zoom_accounts WHERE user_id = $1", {user_id}).has_value();
  });
  return found;
}

void ZoomTokenRepo::remove(const std::string& user_id) {
  database_.transaction(TxMode::write, [&](Session& session) {
    session.execute("DELETE FROM zoom_accounts WHERE user_id = $1", {user_id});
  });
}

}  // namespace confer::store
