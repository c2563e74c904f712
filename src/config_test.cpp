#include "config.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace confer {
namespace {

// Sets environment variables for one test and restores them after.
class Environment {
 public:
  void set(const char* name, const char* value) {
    const char* old = std::getenv(name);
    saved_.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
    if (value)
      ::setenv(name, value, 1);
    else
      ::unsetenv(name);
  }
  ~Environment() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
      if (it->second)
        ::setenv(it->first.c_str(), it->second->c_str(), 1);
      else
        ::unsetenv(it->first.c_str());
    }
  }

 private:
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST(ConfigWriteThreads, SqliteGetsWriteThreadsAndPostgresNoneUnlessSet) {
  Environment env;
  env.set("WRITE_THREADS", nullptr);
  env.set("DATABASE_POOL_SIZE", nullptr);
  env.set("THREADS", "3");  // connection threads: they hold no connection
  env.set("READ_THREADS", "4");
  env.set("DATABASE_URL", nullptr);
  auto sqlite = Config::from_environment();
  EXPECT_EQ(sqlite.write_threads, 16);
  EXPECT_EQ(sqlite.database_pool_size, 4 + 16 + 2) << "a connection for every handler thread";

  env.set("DATABASE_URL", "postgresql://confer@127.0.0.1:5432/confer");
  auto postgres = Config::from_environment();
  EXPECT_EQ(postgres.write_threads, 0);
  EXPECT_EQ(postgres.database_pool_size, 4 + 2);

  env.set("WRITE_THREADS", "3");
  EXPECT_EQ(Config::from_environment().write_threads, 3);
  env.set("WRITE_THREADS", "-1");
  EXPECT_THROW(Config::from_environment(), std::exception);
}

TEST(ConfigTrustedProxies, LoopbackUnlessAListIsGiven) {
  Environment env;
  env.set("TRUSTED_PROXIES", nullptr);
  auto loopback = Config::from_environment().trusted_proxies;
  EXPECT_TRUE(loopback.trusts("127.0.0.1"));
  EXPECT_TRUE(loopback.trusts("::1"));
  EXPECT_FALSE(loopback.trusts("10.0.0.1"));

  env.set("TRUSTED_PROXIES", "10.0.0.0/8, fd00::/8,192.0.2.7");
  auto listed = Config::from_environment().trusted_proxies;
  EXPECT_TRUE(listed.trusts("10.20.30.40"));
  EXPECT_TRUE(listed.trusts("fd00::7"));
  EXPECT_TRUE(listed.trusts("192.0.2.7"));
  EXPECT_FALSE(listed.trusts("127.0.0.1"));
}

TEST(ConfigTrustedProxies, ABadListRefusesToStartAndSaysWhatIsWrong) {
  Environment env;
  for (const char* bad :
       {"10.0.0.0/8, 300.1.1.1", "10.0.0.0/33", "::1/129", "proxy.local", " , "}) {
    env.set("TRUSTED_PROXIES", bad);
    try {
      Config::from_environment();
      ADD_FAILURE() << bad << " was accepted";
    } catch (const std::runtime_error& error) {
      const std::string message = error.what();
      EXPECT_NE(message.find("TRUSTED_PROXIES"), std::string::npos) << message;
    }
  }
  env.set("TRUSTED_PROXIES", "10.0.0.0/8, 300.1.1.1");
  try {
    Config::from_environment();
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("'300.1.1.1'"), std::string::npos) << error.what();
  }
}

TEST(ConfigRequestLimits, SignupAndResetLimitsDefaultAndZeroTurnsThemOff) {
  Environment env;
  env.set("SIGNUP_MAX_PER_IP_PER_HOUR", nullptr);
  env.set("RESET_MAX_PER_ACCOUNT_PER_HOUR", nullptr);
  auto defaults = Config::from_environment();
  EXPECT_EQ(defaults.signup_max_per_ip_per_hour, 20);
  EXPECT_EQ(defaults.reset_max_per_account_per_hour, 5);

  env.set("SIGNUP_MAX_PER_IP_PER_HOUR", "0");
  env.set("RESET_MAX_PER_ACCOUNT_PER_HOUR", "0");
  auto off = Config::from_environment();
  EXPECT_EQ(off.signup_max_per_ip_per_hour, 0);
  EXPECT_EQ(off.reset_max_per_account_per_hour, 0);

  for (const char* bad : {"-1", "many", "2.5"}) {
    env.set("SIGNUP_MAX_PER_IP_PER_HOUR", bad);
    EXPECT_THROW(Config::from_environment(), std::runtime_error) << bad;
  }
  env.set("SIGNUP_MAX_PER_IP_PER_HOUR", nullptr);
  env.set("RESET_MAX_PER_ACCOUNT_PER_HOUR", "1001");
  EXPECT_THROW(Config::from_environment(), std::runtime_error);
}

}  // namespace
}  // namespace confer
