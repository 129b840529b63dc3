#include "broadcast/control/CommandTable.hpp"

#include <catch2/catch.hpp>

namespace tinxa::broadcast {

TEST_CASE("Every command in the table is found by its name", "[control][commands]") {
  for (const auto& spec : all_commands()) CHECK(find_command(spec.name) == &spec);
  CHECK(find_command("dance") == nullptr);
}

TEST_CASE("An unknown command is refused with the closest command as a hint",
          "[control][commands]") {
  const auto refusal = check_request(Request{"stauts", {}});
  REQUIRE(refusal);
  CHECK(refusal->error == AckCode::unknown_command);
  CHECK(refusal->message.find("did you mean \"status\"") != std::string::npos);
}

TEST_CASE("A wrong number of arguments is refused with the usage", "[control][commands]") {
  const auto none = check_request(Request{"play", {}});
  REQUIRE(none);
  CHECK(none->error == AckCode::bad_arguments);
  CHECK(none->message.find("usage: play ITEM [ZONE...]") != std::string::npos);
  CHECK(check_request(Request{"live", {"mic"}}));
  CHECK(check_request(Request{"status", {"extra"}}));
  CHECK_FALSE(check_request(Request{"live", {"mic", "thon-1", "thon-2"}}));
  CHECK_FALSE(check_request(Request{"stop", {}}));
}

}  // namespace tinxa::broadcast
