#include "integrations/sms/file_outbox_sms.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "security/crypto.hpp"

namespace confer::integrations {
namespace {

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\r', ' ');
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

}  // namespace

FileOutboxSms::FileOutboxSms(std::string directory, std::string from, const app::Clock& clock)
    : directory_(std::move(directory)), from_(std::move(from)), clock_(clock) {
  std::filesystem::create_directories(directory_);
}

std::string FileOutboxSms::send(const app::SmsMessage& message) {
  const auto id = security::new_uuid();
  const auto base =
      std::filesystem::path(directory_) / (std::to_string(clock_.now_ms()) + "-" + id);
  auto temporary = base;
  temporary += ".tmp";
  auto final_name = base;
  final_name += ".txt";
  {
    std::ofstream out(temporary, std::ios::binary);
    out << "From: " << one_line(from_) << "\nTo: " << one_line(message.to) << "\n\n"
        << message.body << "\n";
    if (!out.flush()) throw std::runtime_error("cannot write to the SMS outbox");
  }
  std::filesystem::rename(temporary, final_name);
  return "file-" + id;
}

}  // namespace confer::integrations
