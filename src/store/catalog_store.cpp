#include "store/catalog_store.hpp"

namespace confer::store {

void clashes_as_port_errors(const std::function<void()>& work) {
  try {
    work();
  } catch (const DbError& error) {
    if (error.kind() != DbErrorKind::unique_violation &&
        error.kind() != DbErrorKind::exclusion_violation)
      throw;
    throw app::ports::Clash(error.constraint());
  }
}

void CatalogStore::read(const std::function<void(app::ports::CatalogTransaction&)>& work) {
  database_.transaction(TxMode::read, [&](Session& session) {
    CatalogSession transaction(session);
    work(transaction);
  });
}

void CatalogStore::write(const std::function<void(app::ports::CatalogTransaction&)>& work) {
  clashes_as_port_errors([&] {
    database_.transaction(TxMode::write, [&](Session& session) {
      CatalogSession transaction(session);
      work(transaction);
    });
  });
}

}  // namespace confer::store
