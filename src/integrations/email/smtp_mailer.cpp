#include "integrations/email/smtp_mailer.hpp"

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <stdexcept>

#include "integrations/email/mime.hpp"
#include "integrations/http_client.hpp"
#include "security/crypto.hpp"

namespace confer::integrations {
namespace {

struct Upload {
  const std::string* data;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t room = size * count;
  const std::size_t left = upload->data->size() - upload->offset;
  const std::size_t n = std::min(room, left);
  std::memcpy(buffer, upload->data->data() + upload->offset, n);
  upload->offset += n;
  return n;
}

bool has_credentials(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return false;
  const auto authority = url.substr(scheme_end + 3, url.find('/', scheme_end + 3) - scheme_end - 3);
  return authority.find('@') != std::string::npos;
}

bool is_loopback(const std::string& redacted) {
  auto host = redacted.substr(redacted.find("://") + 3);
  if (host.starts_with("[")) return host.starts_with("[::1]");
  host = host.substr(0, host.find(':'));
  return host == "localhost" || host.starts_with("127.");
}

}  // namespace

SmtpMailer::SmtpMailer(std::string url, std::string from, const app::Clock& clock)
    : url_(std::move(url)), from_(std::move(from)), clock_(clock) {
  if (!url_.starts_with("smtp://") && !url_.starts_with("smtps://"))
    throw std::runtime_error("SMTP_URL must start with smtp:// or smtps://");
  from_address_ = parse_mailbox(from_).address;
  if (from_address_.find('@') == std::string::npos)
    throw std::runtime_error("MAIL_FROM must hold an email address");
  message_id_domain_ = from_address_.substr(from_address_.find('@') + 1);
  init_curl();
}

std::string SmtpMailer::describe() const {
  return redact_url(url_);
}

void SmtpMailer::send(const app::EmailMessage& message) {
  const auto id = security::new_uuid();
  const auto now = clock_.now_ms();
  const Envelope envelope{from_, rfc5322_date(now / 1000),
                          "<" + id + "@" + message_id_domain_ + ">"};
  const std::string contents = render_mime(message, envelope, id);
  const std::string recipient = "<" + parse_mailbox(message.to).address + ">";

  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) throw std::runtime_error("libcurl could not make a handle");
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(
      curl_slist_append(nullptr, recipient.c_str()), curl_slist_free_all);
  Upload upload{&contents};
  char error[CURL_ERROR_SIZE] = {};
  const std::string mail_from = "<" + from_address_ + ">";
  const bool must_encrypt = has_credentials(url_) && !is_loopback(describe());

  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, url_.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(h, CURLOPT_USE_SSL, must_encrypt ? CURLUSESSL_ALL : CURLUSESSL_TRY);
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(h, CURLOPT_READDATA, &upload);
  curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(contents.size()));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
  const CURLcode code = curl_easy_perform(h);
  if (code != CURLE_OK)
    throw std::runtime_error("SMTP delivery through " + describe() +
                             " failed: " + (error[0] ? error : curl_easy_strerror(code)));
}

}  // namespace confer::integrations
