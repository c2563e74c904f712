#include "integrations/video/jitsi.hpp"

#include "security/crypto.hpp"
#include "security/encoding.hpp"

namespace confer::integrations {

app::Meeting JitsiMeetings::create_meeting(const std::string&) {
  // Hex, not base64url: Jitsi room names are case-insensitive.
  return {"jitsi", base_url_ + "/Confer-" + security::hex_encode(security::random_bytes(16))};
}

}  // namespace confer::integrations
