#include "integrations/email/mime.hpp"

#include <gtest/gtest.h>

namespace confer::integrations {
namespace {

std::string to_header(const std::string& name) {
  app::EmailMessage message;
  message.to = "ada@example.com";
  message.to_name = name;
  message.subject = "Hi";
  message.text = "Hello";
  auto mime = render_mime(message, {"Confer <no-reply@confer.local>", "date", "<id@x>"}, "b");
  auto start = mime.find("\r\nTo: ") + 6;
  return mime.substr(start, mime.find("\r\n", start) - start);
}

TEST(Mime, ADisplayNameWithQuotesIsAQuotedStringWithEscapes) {
  EXPECT_EQ(to_header(R"(Ada "The Countess" Lovelace)"),
            R"("Ada \"The Countess\" Lovelace" <ada@example.com>)");
  EXPECT_EQ(to_header(R"(back\slash)"), R"("back\\slash" <ada@example.com>)");
  EXPECT_EQ(to_header("Ada"), R"("Ada" <ada@example.com>)");
}

TEST(Mime, ANonAsciiDisplayNameIsAnEncodedWordOutsideQuotes) {
  EXPECT_EQ(to_header("Zoë \"Z\""), "=?UTF-8?B?Wm/DqyAiWiI=?= <ada@example.com>");
}

TEST(Mime, LineBreaksInANameCannotStartANewHeader) {
  EXPECT_EQ(to_header("Ada\r\nBcc: eve@example.com"),
            R"("Ada  Bcc: eve@example.com" <ada@example.com>)");
}

}  // namespace
}  // namespace confer::integrations
