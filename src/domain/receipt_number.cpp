#include "domain/receipt_number.hpp"

#include <cctype>

namespace confer::domain {

std::string receipt_number(std::string_view booking_id) {
  std::string digits;
  for (auto at = booking_id.rbegin(); at != booking_id.rend() && digits.size() < 16; ++at)
    if (std::isxdigit(static_cast<unsigned char>(*at)))
      digits.insert(digits.begin(),
                    static_cast<char>(std::toupper(static_cast<unsigned char>(*at))));
  std::string number = "CONF";
  for (std::size_t i = 0; i < digits.size(); i += 4) number += "-" + digits.substr(i, 4);
  return number;
}

}  // namespace confer::domain
