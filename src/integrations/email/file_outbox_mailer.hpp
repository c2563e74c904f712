#pragma once
// The zero-setup mailer: each message becomes one .eml file in a folder
// (DATA_DIR/outbox), written under a temporary name in a folder of its own
// (outbox/.partial) and moved in, so a reader never sees half a message and
// the outbox, which only grows, is searched once per message, not thrice.
// Messages are written one at a time: the file system takes its folders' locks
// in turn anyway, and threads waiting on them spin (burning the CPU the
// others would render with) where a mutex lets them sleep.
#include <mutex>
#include <string>

#include "app/clock.hpp"
#include "app/mailer.hpp"

namespace confer::integrations {

class FileOutboxMailer final : public app::Mailer {
 public:
  FileOutboxMailer(std::string directory, std::string from, const app::Clock& clock);
  void send(const app::EmailMessage& message) override;

 private:
  std::string directory_;
  std::string from_;
  const app::Clock& clock_;
  std::mutex writing_;
};

}  // namespace confer::integrations
