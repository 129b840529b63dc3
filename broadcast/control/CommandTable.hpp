#pragma once

// The control commands, one declarative table (MPD's AllCommands shape): name, how many arguments,
// usage and help. The engine supplies what each command does; the table checks a request before
// the engine sees it.

#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <string_view>

#include "broadcast/control/Request.hpp"
#include "broadcast/control/Response.hpp"

namespace tinxa::broadcast {

inline constexpr std::size_t kAnyNumber = std::numeric_limits<std::size_t>::max();

struct CommandSpec {
  std::string_view name;
  std::size_t min_arguments = 0;
  std::size_t max_arguments = 0;  // kAnyNumber: no limit
  std::string_view usage;         // "play ITEM [ZONE...]"
  std::string_view help_vi;
  std::string_view help_en;
};

// Every command, sorted by name.
[[nodiscard]] std::span<const CommandSpec> all_commands() noexcept;

[[nodiscard]] const CommandSpec* find_command(std::string_view name) noexcept;

// nullopt when `request` names a known command with an allowed number of arguments; otherwise the
// ACK to send: an unknown command gets the closest known one as a suggestion, a wrong argument
// count gets the usage.
[[nodiscard]] std::optional<Response> check_request(const Request& request);

}  // namespace tinxa::broadcast
