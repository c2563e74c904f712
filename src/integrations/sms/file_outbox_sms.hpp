#pragma once
// The zero-setup SMS sender: each message becomes one text file in a folder
// (DATA_DIR/outbox/sms), written under a temporary name and renamed.
#include <string>

#include "app/clock.hpp"
#include "app/sms_sender.hpp"

namespace confer::integrations {

class FileOutboxSms final : public app::SmsSender {
 public:
  FileOutboxSms(std::string directory, std::string from, const app::Clock& clock);
  std::string send(const app::SmsMessage& message) override;

 private:
  std::string directory_;
  std::string from_;
  const app::Clock& clock_;
};

}  // namespace confer::integrations
