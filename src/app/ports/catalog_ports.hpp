#pragma once
// The ports of the catalog and schedule use cases (services, availability,
// blocked times, slots, the marketplace, earnings, Zoom accounts): what they
// need from storage, in the product's words. The store implements them over
// SQLite and PostgreSQL (store/catalog_store.hpp); tests/fakes holds
// in-memory ones. A CatalogTransaction's parts all act within one database
// transaction; a CatalogUnitOfWork runs one and commits it, or rolls it back
// when the work throws. A write the database refuses as a clash (a duplicate
// key) is thrown as ports::Clash (booking_ports.hpp).
//
// Every change to a specialist's rules, services or blocked times moves
// their schedule version within the change's own transaction (the store does
// it with triggers, migration 0007): the same version later means none of
// them changed.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/booking_ports.hpp"
#include "app/ports/free_day_ports.hpp"
#include "app/ports/records.hpp"

namespace confer::app::ports {

class Services {
 public:
  virtual ~Services() = default;
  virtual void insert(const ServiceRecord& service) = 0;
  virtual void update(const ServiceRecord& service) = 0;
  // Includes deleted services (bookings still point at them).
  virtual std::optional<ServiceRecord> find(const std::string& id) = 0;
  // How many services the specialist has that are not deleted.
  virtual std::int64_t count_for_specialist(const std::string& specialist_id) = 0;
  // Not deleted, oldest first; only published ones unless asked.
  virtual std::vector<ServiceRecord> list_for_specialist(const std::string& specialist_id,
                                                         bool include_unpublished) = 0;
  // From here to the transaction's end, other transactions adding a service
  // for this specialist wait: a count and the insert after it cannot both
  // slip past the cap.
  virtual void take_turn_adding(const std::string& specialist_id) = 0;
};

// A specialist's availability rules (one set each) and blocked times.
class Availabilities {
 public:
  virtual ~Availabilities() = default;
  // Clash when the specialist has one already.
  virtual void insert(const AvailabilityRecord& record) = 0;
  virtual void update(const AvailabilityRecord& record) = 0;
  virtual std::optional<AvailabilityRecord> find_by_id(const std::string& id) = 0;
  virtual std::optional<AvailabilityRecord> find_for_specialist(
      const std::string& specialist_id) = 0;
  // The same (start, end) twice keeps one: false when it was there already.
  virtual bool insert_block(const BlockedSlotRecord& block) = 0;
  virtual bool delete_block(const std::string& specialist_id, std::int64_t start_at,
                            std::int64_t end_at) = 0;
  // Blocks overlapping [from, to), by start.
  virtual std::vector<BlockedSlotRecord> blocks_between(const std::string& specialist_id,
                                                        std::int64_t from, std::int64_t to) = 0;
  // 0 before the first change.
  virtual std::int64_t schedule_version(const std::string& specialist_id) = 0;
};

// The specialist's schedule version and their busy times in a window, read
// together: what a cached slot list is checked against.
struct ScheduleStamp {
  std::int64_t version = 0;
  std::vector<BusyTime> busy;
};

// The time the specialist's active bookings take, for slot computation.
class BusyTimes {
 public:
  virtual ~BusyTimes() = default;
  // Active bookings ending after `from` and starting before `to` (their
  // guards, buffers included), by start, at `now`.
  virtual std::vector<BusyTime> busy(const std::string& specialist_id, std::int64_t from,
                                     std::int64_t to, std::int64_t now) = 0;
  virtual ScheduleStamp stamp(const std::string& specialist_id, std::int64_t from, std::int64_t to,
                              std::int64_t now) = 0;
};

// What the marketplace search matches. Text matches whole words of the
// name, headline, bio and specialties, each word of the query as a prefix
// ("thera" finds "therapy"); specialty and language match a whole tag, in
// any case; a price range is in one currency (an amount in minor units of
// `currency`, which a range needs), and some published service of the
// specialist lies in it. `currency` alone: some published service in it.
struct DirectoryFilter {
  std::string text;
  std::string specialty;
  std::string language;
  std::optional<std::int64_t> min_price, max_price;
  std::optional<std::string> currency;
  // Free on a local day (in each specialist's zone) at `now`, by the index
  // of free days (free_day_ports.hpp), except that the specialists in
  // `unsure` count only when they are in `free` (the slot engine said so).
  struct FreeOn {
    std::string day;  // YYYY-MM-DD
    std::int64_t now = 0;
    std::vector<std::string> unsure, free;
  };
  std::optional<FreeOn> free_on;
};

struct DirectoryEntry {
  UserRecord user;
  SpecialistProfileRecord profile;
  std::optional<std::int64_t> lowest_price;  // of published services
  std::string lowest_price_currency;
  int service_count = 0;
  // The start of their next bookable slot (set by the marketplace for the
  // entries of a page; nullopt: none in their horizon).
  std::optional<std::int64_t> next_available_at;
};

// Which part of the ordered matches (by name, then id) to return: those
// after the specialist `after_id` (keyset), else from `offset`; at most `limit`.
// With `soonest_at` (a now), ordered by the index's next bookable slot
// (those without one last), then name, and paged by offset only.
struct DirectoryWindow {
  std::optional<std::string> after_id;
  std::int64_t offset = 0;
  int limit = 20;
  std::optional<std::int64_t> soonest_at;
};

struct DirectoryMatches {
  std::vector<DirectoryEntry> items;
  bool more = false;  // matches follow the window
};

// Accounts as the catalog sees them, and the marketplace search.
class Specialists {
 public:
  virtual ~Specialists() = default;
  virtual std::optional<UserRecord> user(const std::string& id) = 0;
  virtual std::optional<SpecialistProfileRecord> profile(const std::string& user_id) = 0;
  // Specialists with a profile matching `filter`, ordered by name then id:
  // the window of them.
  virtual DirectoryMatches search(const DirectoryFilter& filter, const DirectoryWindow& window) = 0;
  // How many specialists match `filter` in all.
  virtual std::int64_t count(const DirectoryFilter& filter) = 0;
  // Moves with every change to what the search sees (any specialist's
  // account, profile or services), in the change's own transaction: while
  // it stays, so does every count.
  virtual std::int64_t directory_version() = 0;
  // Whether `id` is a specialist the marketplace lists (a keyset's anchor).
  virtual bool listed(const std::string& id) = 0;
};

class CatalogTransaction {
 public:
  virtual ~CatalogTransaction() = default;
  virtual Services& services() = 0;
  virtual Availabilities& availabilities() = 0;
  virtual BusyTimes& busy_times() = 0;
  virtual Specialists& specialists() = 0;
  virtual FreeDays& free_days() = 0;
};

class CatalogUnitOfWork {
 public:
  virtual ~CatalogUnitOfWork() = default;
  // Runs `work` in one transaction: committed when it returns, rolled back
  // when it throws. A write transaction's writers take turns from the first
  // statement on (SQLite); a clash the database finds is thrown as Clash.
  virtual void read(const std::function<void(CatalogTransaction&)>& work) = 0;
  virtual void write(const std::function<void(CatalogTransaction&)>& work) = 0;
  // A number that differs from the last one read whenever anything at all
  // has been committed since, by any process; nullopt when the database
  // cannot tell cheaply. Lets a cache skip its checks while nothing changed.
  virtual std::optional<std::int64_t> change_counter() = 0;
};

// The earnings report, summed where the payments are; one read each call.
class SettledPayments {
 public:
  virtual ~SettledPayments() = default;
  // Payments that succeeded (partly refunded and refunded ones too) of one
  // specialist, or of all when `specialist_id` is empty, summed per UTC
  // month of settling and currency, ordered so, as app::sum_by_month sums
  // them (its rule for the fee on what a refund left).
  virtual std::vector<EarningsRow> monthly(const std::string& specialist_id, int fee_bps) = 0;
};

// Specialists' Zoom tokens, sealed; each call is a transaction of its own.
class ZoomTokens {
 public:
  virtual ~ZoomTokens() = default;
  // Replaces what the user had (in one transaction).
  virtual void put(const std::string& user_id, const SealedZoomTokens& tokens,
                   std::int64_t now) = 0;
  virtual std::optional<SealedZoomTokens> find(const std::string& user_id) = 0;
  virtual bool exists(const std::string& user_id) = 0;
  virtual void remove(const std::string& user_id) = 0;
};

}  // namespace confer::app::ports
