#include "fakes/booking_fakes.hpp"

#include <algorithm>

namespace confer::fakes {

std::vector<app::JobRecord> BookingWorld::queued(const std::string& booking_id,
                                                 const std::string& kind) const {
  std::vector<app::JobRecord> found;
  for (const auto& job : jobs)
    if (job.booking_id == booking_id && job.kind == kind && job.status == "queued")
      found.push_back(job);
  return found;
}

std::vector<app::AuditEntry> BookingWorld::audit_of(const std::string& booking_id) const {
  std::vector<app::AuditEntry> found;
  for (const auto& entry : audit)
    if (entry.entity_id == booking_id) found.push_back(entry);
  return found;
}

// Bookings

void InMemoryTransaction::refuse_overlaps(const domain::Booking& b) {
  if (!refuses_overlaps_ || !b.active()) return;
  if (specialist_has_overlap(b.specialist_id, b.guard_start_at, b.guard_end_at, b.id))
    throw app::ports::Clash("bookings_no_overlap");
  if (customer_has_overlap(b.customer_id, b.start_at, b.end_at, b.id))
    throw app::ports::Clash("bookings_no_customer_overlap");
}

void InMemoryTransaction::insert(const domain::Booking& booking) {
  if (world_.bookings.contains(booking.id)) throw app::ports::Clash("bookings_pkey");
  refuse_overlaps(booking);
  world_.bookings[booking.id] = booking;
}

void InMemoryTransaction::update(const domain::Booking& booking) {
  refuse_overlaps(booking);
  world_.bookings[booking.id] = booking;
}

std::optional<domain::Booking> InMemoryTransaction::find(const std::string& id) {
  auto it = world_.bookings.find(id);
  if (it == world_.bookings.end()) return std::nullopt;
  return it->second;
}

std::vector<domain::Booking> InMemoryTransaction::matching(
    const app::ports::BookingFilter& f) const {
  std::vector<domain::Booking> found;
  for (const auto& [id, b] : world_.bookings) {
    if ((f.as_specialist ? b.specialist_id : b.customer_id) != f.user_id) continue;
    if (f.status && b.status != *f.status) continue;
    if (f.upcoming && (*f.upcoming ? b.end_at <= f.now : b.end_at > f.now)) continue;
    found.push_back(b);
  }
  const bool soonest_first = f.upcoming.value_or(false);
  std::sort(found.begin(), found.end(), [soonest_first](const auto& a, const auto& b) {
    return soonest_first ? std::tie(a.start_at, a.id) < std::tie(b.start_at, b.id)
                         : std::tie(a.start_at, a.id) > std::tie(b.start_at, b.id);
  });
  return found;
}

std::vector<domain::Booking> InMemoryTransaction::list(const app::ports::BookingFilter& f) {
  auto found = matching(f);
  if (f.after) {
    const bool soonest_first = f.upcoming.value_or(false);
    std::erase_if(found, [&](const domain::Booking& b) {
      const auto key = std::tie(b.start_at, b.id);
      const auto anchor = std::tie(f.after->start_at, f.after->id);
      return soonest_first ? key <= anchor : key >= anchor;
    });
  }
  const auto from =
      std::min<std::size_t>(static_cast<std::size_t>(f.after ? 0 : f.offset), found.size());
  const auto to = std::min<std::size_t>(from + static_cast<std::size_t>(f.limit), found.size());
  return {found.begin() + static_cast<std::ptrdiff_t>(from),
          found.begin() + static_cast<std::ptrdiff_t>(to)};
}

std::int64_t InMemoryTransaction::count(const app::ports::BookingFilter& f) {
  return static_cast<std::int64_t>(matching(f).size());
}

bool InMemoryTransaction::customer_has_overlap(const std::string& customer_id, std::int64_t start,
                                               std::int64_t end, const std::string& except_id) {
  return std::any_of(world_.bookings.begin(), world_.bookings.end(), [&](const auto& entry) {
    const auto& b = entry.second;
    return b.customer_id == customer_id && b.id != except_id && b.active() && b.start_at < end &&
           b.end_at > start;
  });
}

bool InMemoryTransaction::specialist_has_overlap(const std::string& specialist_id,
                                                 std::int64_t guard_start, std::int64_t guard_end,
                                                 const std::string& except_id) {
  return std::any_of(world_.bookings.begin(), world_.bookings.end(), [&](const auto& entry) {
    const auto& b = entry.second;
    return b.specialist_id == specialist_id && b.id != except_id && b.active() &&
           b.guard_start_at < guard_end && b.guard_end_at > guard_start;
  });
}

app::ports::RunningHolds InMemoryTransaction::running_holds(const std::string& customer_id,
                                                            const std::string& specialist_id,
                                                            std::int64_t now) {
  app::ports::RunningHolds holds;
  for (const auto& [id, b] : world_.bookings) {
    if (b.customer_id != customer_id || b.status != domain::BookingStatus::pending) continue;
    if (!b.hold_expires_at || *b.hold_expires_at <= now) continue;
    ++holds.total;
    if (b.specialist_id == specialist_id) ++holds.with_specialist;
    if (holds.first_expiry == 0 || *b.hold_expires_at < holds.first_expiry)
      holds.first_expiry = *b.hold_expires_at;
  }
  return holds;
}

std::vector<domain::Booking> InMemoryTransaction::expired_holds(std::int64_t now,
                                                                const std::string& user_id) {
  std::vector<domain::Booking> found;
  for (const auto& [id, b] : world_.bookings)
    if (b.status == domain::BookingStatus::pending && b.hold_lapsed(now) &&
        (user_id.empty() || b.customer_id == user_id || b.specialist_id == user_id))
      found.push_back(b);
  return found;
}

// Schedules

std::optional<app::ports::BookingContext> InMemoryTransaction::booking_context(
    const std::string& service_id, const std::string& customer_id, std::int64_t from,
    std::int64_t to) {
  auto service = this->service(service_id);
  if (!service) return std::nullopt;
  app::ports::BookingContext context;
  context.service = *service;
  if (auto it = world_.availability.find(service->specialist_id); it != world_.availability.end())
    context.availability = it->second;
  context.specialist = user(service->specialist_id);
  context.customer = user(customer_id);
  for (const auto& block : world_.blocks)
    if (block.specialist_id == service->specialist_id && block.start_at < to && block.end_at > from)
      context.blocks.push_back(block);
  std::sort(context.blocks.begin(), context.blocks.end(),
            [](const auto& a, const auto& b) { return a.start_at < b.start_at; });
  context.schedule_version = schedule_version(service->specialist_id);
  return context;
}

std::int64_t InMemoryTransaction::schedule_version(const std::string& specialist_id) {
  auto it = world_.schedule_versions.find(specialist_id);
  return it == world_.schedule_versions.end() ? 0 : it->second;
}

// Directory

std::optional<app::ServiceRecord> InMemoryTransaction::service(const std::string& id) {
  auto it = world_.services.find(id);
  if (it == world_.services.end()) return std::nullopt;
  return it->second;
}

std::optional<app::UserRecord> InMemoryTransaction::user(const std::string& id) {
  auto it = world_.users.find(id);
  if (it == world_.users.end()) return std::nullopt;
  return it->second;
}

std::optional<app::MeetingRecord> InMemoryTransaction::meeting(const std::string& booking_id) {
  auto it = world_.meetings.find(booking_id);
  if (it == world_.meetings.end()) return std::nullopt;
  return it->second;
}

std::vector<app::ServiceRecord> InMemoryTransaction::services(const std::vector<std::string>& ids) {
  std::vector<app::ServiceRecord> out;
  for (const auto& id : ids)
    if (auto s = service(id)) out.push_back(*s);
  return out;
}

std::vector<app::UserRecord> InMemoryTransaction::users(const std::vector<std::string>& ids) {
  std::vector<app::UserRecord> out;
  for (const auto& id : ids)
    if (auto u = user(id)) out.push_back(*u);
  return out;
}

std::vector<app::MeetingRecord> InMemoryTransaction::meetings(
    const std::vector<std::string>& booking_ids) {
  std::vector<app::MeetingRecord> out;
  for (const auto& id : booking_ids)
    if (auto m = meeting(id)) out.push_back(*m);
  return out;
}

// AuditLog and Outbox

void InMemoryTransaction::append(const app::AuditEntry& entry) {
  world_.audit.push_back(entry);
}

void InMemoryTransaction::enqueue(const std::vector<app::JobRecord>& jobs) {
  world_.jobs.insert(world_.jobs.end(), jobs.begin(), jobs.end());
}

void InMemoryTransaction::cancel_queued(const std::string& booking_id,
                                        const std::vector<std::string>& kinds, std::int64_t) {
  for (auto& job : world_.jobs)
    if (job.booking_id == booking_id && job.status == "queued" &&
        std::find(kinds.begin(), kinds.end(), job.kind) != kinds.end())
      job.status = "cancelled";
}

void InMemoryTransaction::notify(const std::vector<app::NotificationRecord>& notifications) {
  world_.notifications.insert(world_.notifications.end(), notifications.begin(),
                              notifications.end());
}

int InMemoryTransaction::invite_sequence(const std::string& booking_id) {
  return world_.invite_sequences[booking_id];
}

void InMemoryTransaction::raise_invite_sequence(const std::string& booking_id) {
  ++world_.invite_sequences[booking_id];
}

// Unit of work

void InMemoryUnitOfWork::read(const std::function<void(app::ports::Transaction&)>& work) {
  auto copy = world_;  // a read changes nothing, whatever the work tries
  InMemoryTransaction tx(copy, refuses_overlaps_);
  work(tx);
}

void InMemoryUnitOfWork::write(const std::function<void(app::ports::Transaction&)>& work) {
  ++writes;
  if (before_write) before_write(world_);
  auto copy = world_;
  InMemoryTransaction tx(copy, refuses_overlaps_);
  work(tx);
  world_ = std::move(copy);
}

}  // namespace confer::fakes
