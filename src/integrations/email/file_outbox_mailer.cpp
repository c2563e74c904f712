#include "integrations/email/file_outbox_mailer.hpp"

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "integrations/email/mime.hpp"
#include "security/crypto.hpp"

namespace confer::integrations {

FileOutboxMailer::FileOutboxMailer(std::string directory, std::string from, const app::Clock& clock)
    : directory_(std::move(directory)), from_(std::move(from)), clock_(clock) {
  std::filesystem::create_directories(std::filesystem::path(directory_) / ".partial");
}

void FileOutboxMailer::send(const app::EmailMessage& message) {
  const auto id = security::new_uuid();
  const auto now = clock_.now_ms();
  Envelope envelope{from_, rfc5322_date(now / 1000), "<" + id + "@confer.local>"};
  const auto contents = render_mime(message, envelope, id);
  const auto name = std::to_string(now) + "-" + id + ".eml";
  const auto temporary = std::filesystem::path(directory_) / ".partial" / name;
  const auto final_name = std::filesystem::path(directory_) / name;
  std::lock_guard one_at_a_time(writing_);
  {
    std::ofstream out(temporary, std::ios::binary);
    out << contents;
    if (!out.flush()) throw std::runtime_error("cannot write to the mail outbox");
  }
  std::filesystem::rename(temporary, final_name);
}

}  // namespace confer::integrations
