#include "integrations/email/mime.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <ctime>

namespace confer::integrations {
namespace {

std::string base64_lines(const std::string& data) {
  std::string encoded(4 * ((data.size() + 2) / 3) + 1, '\0');
  int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                               reinterpret_cast<const unsigned char*>(data.data()),
                               static_cast<int>(data.size()));
  encoded.resize(length);
  std::string lines;
  for (std::size_t i = 0; i < encoded.size(); i += 76) lines += encoded.substr(i, 76) + "\r\n";
  return lines;
}

bool is_ascii(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80 && c != '\r' && c != '\n';
  });
}

std::string clean_header(std::string text) {
  std::replace(text.begin(), text.end(), '\r', ' ');
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

std::string text_part(const std::string& content_type, const std::string& body) {
  return "Content-Type: " + content_type + "\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
         base64_lines(body);
}

}  // namespace

std::string display_name(const std::string& name) {
  auto clean = clean_header(name);
  // RFC 2047 §5: an encoded word must not stand inside a quoted string.
  if (!is_ascii(clean)) return encode_header_text(clean);
  // RFC 5322 §3.2.4: a quoted string escapes its quote and backslash.
  std::string quoted = "\"";
  for (char c : clean) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

std::string encode_header_text(const std::string& text) {
  auto clean = clean_header(text);
  if (is_ascii(clean)) return clean;
  auto encoded = base64_lines(clean);
  encoded.erase(std::remove(encoded.begin(), encoded.end(), '\r'), encoded.end());
  encoded.erase(std::remove(encoded.begin(), encoded.end(), '\n'), encoded.end());
  return "=?UTF-8?B?" + encoded + "?=";
}

std::string rfc5322_date(std::int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buffer;
}

Mailbox parse_mailbox(const std::string& text) {
  auto trim = [](std::string value) {
    const auto first = value.find_first_not_of(" \t\"");
    const auto last = value.find_last_not_of(" \t\"");
    return first == std::string::npos ? std::string{} : value.substr(first, last - first + 1);
  };
  const auto open = text.rfind('<');
  const auto close = text.rfind('>');
  if (open == std::string::npos || close == std::string::npos || close < open)
    return {"", trim(clean_header(text))};
  return {trim(clean_header(text.substr(0, open))),
          trim(clean_header(text.substr(open + 1, close - open - 1)))};
}

std::string render_mime(const app::EmailMessage& message, const Envelope& envelope,
                        const std::string& boundary_seed) {
  const std::string mixed = "mixed-" + boundary_seed;
  const std::string alternative = "alt-" + boundary_seed;
  std::string to = clean_header(message.to);
  if (!message.to_name.empty()) to = display_name(message.to_name) + " <" + to + ">";

  std::string out;
  out += "From: " + clean_header(envelope.from) + "\r\n";
  out += "To: " + to + "\r\n";
  out += "Subject: " + encode_header_text(message.subject) + "\r\n";
  out += "Date: " + envelope.date + "\r\n";
  out += "Message-ID: " + envelope.message_id + "\r\n";
  out += "MIME-Version: 1.0\r\n";

  std::string body_parts =
      "--" + alternative + "\r\n" + text_part("text/plain; charset=utf-8", message.text);
  if (!message.html.empty())
    body_parts += "--" + alternative + "\r\n" + text_part("text/html; charset=utf-8", message.html);
  for (const auto& attachment : message.attachments)
    if (attachment.content_type.starts_with("text/calendar"))
      body_parts +=
          "--" + alternative + "\r\n" + text_part(attachment.content_type, attachment.content);
  body_parts += "--" + alternative + "--\r\n";

  if (message.attachments.empty()) {
    out += "Content-Type: multipart/alternative; boundary=\"" + alternative + "\"\r\n\r\n";
    out += body_parts;
    return out;
  }
  out += "Content-Type: multipart/mixed; boundary=\"" + mixed + "\"\r\n\r\n";
  out += "--" + mixed + "\r\nContent-Type: multipart/alternative; boundary=\"" + alternative +
         "\"\r\n\r\n" + body_parts;
  for (const auto& attachment : message.attachments) {
    out += "--" + mixed + "\r\nContent-Type: " + attachment.content_type +
           "\r\nContent-Disposition: attachment; filename=\"" + clean_header(attachment.file_name) +
           "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64_lines(attachment.content);
  }
  out += "--" + mixed + "--\r\n";
  return out;
}

}  // namespace confer::integrations
