#include "http/booking_receipt.hpp"

#include "app/email_layout.hpp"
#include "domain/receipt_number.hpp"
#include "http/json/booking.hpp"
#include "http/json/instant.hpp"
#include "http/json/money.hpp"

namespace confer::http {

// The receipt's HTML escapes user text as the emails do.
using app::email::html_escape;

std::string receipt_html(const app::BookingView& v) {
  const auto& b = v.booking;
  const std::string number = domain::receipt_number(b.id);
  std::string page =
      "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Receipt " + number +
      "</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;"
      "color:#111}table{width:100%;border-collapse:collapse}td{padding:.4rem;border-bottom:1px "
      "solid #ddd}td:last-child{text-align:right}@media print{button{display:none}}</style>"
      "</head><body><h1>Confer receipt</h1><p>Receipt " +
      number + "</p><table>" + "<tr><td>Customer</td><td>" + html_escape(v.customer.name) +
      " &lt;" + html_escape(v.customer.email) + "&gt;</td></tr>" + "<tr><td>Specialist</td><td>" +
      html_escape(v.specialist.name) + "</td></tr>" + "<tr><td>Service</td><td>" +
      html_escape(v.service.title) + " (" + std::to_string(v.service.duration_minutes) +
      " min)</td></tr>" + "<tr><td>Time (UTC)</td><td>" + json::iso_utc(b.start_at) + " – " +
      json::iso_utc(b.end_at) + "</td></tr>" + "<tr><td>Status</td><td>" +
      html_escape(domain::to_string(b.status)) + "</td></tr>" + "<tr><td>Amount</td><td>" +
      json::money_text(b.price.amount, b.price.currency) + "</td></tr>" +
      "<tr><td>Payment</td><td>" + html_escape(domain::to_string(b.payment_status)) + "</td></tr>" +
      (b.refund_amount > 0 ? "<tr><td>Refund</td><td>" +
                                 json::money_text(b.refund_amount, b.price.currency) + "</td></tr>"
                           : std::string()) +
      "</table></body></html>";
  return page;
}

}  // namespace confer::http
