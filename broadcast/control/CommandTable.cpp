#include "broadcast/control/CommandTable.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "config/reader/Suggest.hpp"

namespace tinxa::broadcast {

namespace {

constexpr std::array<CommandSpec, 7> kCommands{{
    {"alert", 1, kAnyNumber, "alert ITEM [ZONE...] [repeat=N]",
     "phát khẩn cấp ngay, mọi cụm loa nếu không nêu, bỏ qua giờ yên tĩnh",
     "broadcast an emergency now, to every zone unless named, ignoring quiet hours"},
    {"live", 2, kAnyNumber, "live INPUT ZONE... [for=DURATION]",
     "phát trực tiếp từ micrô hoặc đường vào",
     "go live from a microphone or line input to the zones"},
    {"play", 1, kAnyNumber, "play ITEM [ZONE...]", "phát ngay một thông báo hoặc danh sách phát",
     "play an announcement or playlist now"},
    {"reload", 0, 0, "reload", "đọc lại lịch và nội dung (chỉ áp dụng khi hợp lệ)",
     "read the schedule and content again (applied only when valid)"},
    {"skip", 0, kAnyNumber, "skip [ZONE...]", "bỏ qua bài đang phát", "skip what is playing"},
    {"status", 0, 0, "status", "trạng thái các cụm loa và bài sắp phát",
     "the zones' state and what plays next"},
    {"stop", 0, kAnyNumber, "stop [ZONE...]", "dừng phát", "stop playing"},
}};

static_assert(std::is_sorted(kCommands.begin(), kCommands.end(),
                             [](const CommandSpec& a, const CommandSpec& b) {
                               return a.name < b.name;
                             }),
              "the command table must stay sorted by name");

}  // namespace

std::span<const CommandSpec> all_commands() noexcept { return kCommands; }

const CommandSpec* find_command(std::string_view name) noexcept {
  const auto it =
      std::lower_bound(kCommands.begin(), kCommands.end(), name,
                       [](const CommandSpec& c, std::string_view n) { return c.name < n; });
  return it != kCommands.end() && it->name == name ? &*it : nullptr;
}

std::optional<Response> check_request(const Request& request) {
  const CommandSpec* spec = find_command(request.command);
  if (spec == nullptr) {
    std::vector<std::string> names;
    for (const auto& c : kCommands) names.emplace_back(c.name);
    const std::string hint = config::closest_match(request.command, names);
    std::string message = "lệnh không có / unknown command";
    if (!hint.empty())
      message += fmt::format("; có phải ý bạn là \"{0}\"? / did you mean \"{0}\"?", hint);
    return Response::fail(AckCode::unknown_command, request.command, message);
  }
  const std::size_t n = request.arguments.size();
  if (n < spec->min_arguments || n > spec->max_arguments)
    return Response::fail(AckCode::bad_arguments, request.command,
                          fmt::format("sai số tham số; cách dùng / wrong number of arguments; "
                                      "usage: {}",
                                      spec->usage));
  return std::nullopt;
}

}  // namespace tinxa::broadcast
