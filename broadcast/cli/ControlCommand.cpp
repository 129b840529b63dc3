#include "broadcast/cli/ControlCommand.hpp"

#include <chrono>
#include <cstdio>
#include <map>

#include <fmt/format.h>

#include "broadcast/cli/SettingsOption.hpp"
#include "broadcast/control/CommandTable.hpp"
#include "broadcast/control/ControlClient.hpp"
#include "broadcast/control/ControlError.hpp"

namespace tinxa::cli {

namespace {

using broadcast::Response;

constexpr std::chrono::milliseconds kTimeout{10000};
// `reload` is answered once the daemon has loaded and checked everything on its worker: a first
// load of a large bundle decodes every recording (about 2 s per hour of MP3 on a slow PC).
constexpr std::chrono::milliseconds kReloadTimeout{300000};

std::string field(const Response& r, const std::string& key) {
  for (const auto& [k, v] : r.fields)
    if (k == key) return v;
  return {};
}

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = std::min(text.find(' ', start), text.size());
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

void print_status(const Response& r) {
  const auto state = field(r, "state");
  fmt::print("tinxa-broadcastd: {} — {}\n",
             state == "running" ? "đang chạy / running"
                                : "thiếu thiết bị ra / degraded: an output device is lost",
             field(r, "time"));
  fmt::print("Lịch phát / schedule: {} ({} slots)\n", field(r, "schedule"), field(r, "slots"));
  if (field(r, "content.source") == "last-good")
    fmt::print(
        "Đang chạy bản tốt gần nhất / running the last good copy: {} (lịch hoặc nội dung có lỗi / "
        "the schedule or content has errors: tinxa check, then tinxa reload)\n",
        field(r, "content.last_good"));
  if (const auto problems = field(r, "content.media_problems"); !problems.empty())
    fmt::print(
        "Nội dung / content: {0} tệp thiếu hay hỏng, bỏ qua khi đến giờ / {0} media problems, "
        "skipped when due (tinxa check)\n",
        problems);
  fmt::print("Vùng loa / zones:\n");
  for (const auto& zone : words(field(r, "zones"))) {
    const std::string p = "zone." + zone;
    const auto zone_state = field(r, p);
    std::string what;
    if (zone_state == "playing" || zone_state == "live") {
      what =
          fmt::format("{}: {}", zone_state == "live" ? "trực tiếp / live" : "đang phát / playing",
                      field(r, p + ".title"));
      if (const auto item = field(r, p + ".item"); !item.empty() && item != field(r, p + ".title"))
        what += " — " + item;
      what += fmt::format(" ({}, {})", field(r, p + ".priority"), field(r, p + ".slot"));
      if (const auto waiting = field(r, p + ".waiting"); !waiting.empty() && waiting != "0")
        what += fmt::format(", {} đang chờ / waiting", waiting);
    } else if (zone_state == "no-device") {
      what = "mất thiết bị ra / no output device (" + field(r, p + ".device") + ")";
    } else {
      what = "im lặng / idle";
    }
    fmt::print("  {:<14} {:<20} {}\n", zone, field(r, p + ".name"), what);
  }
  bool header = false;
  for (const auto& [k, v] : r.fields) {
    if (k.rfind("device.", 0) != 0) continue;
    if (!header) fmt::print("Thiết bị ra / output devices:\n");
    header = true;
    fmt::print("  {}: {}\n", k.substr(7), v == "open" ? "mở / open" : v);
  }
  if (const auto next = field(r, "next"); !next.empty())
    fmt::print("Sắp phát / next: {}  {}  ({}; {})\n", next, field(r, "next.title"),
               field(r, "next.zones"), field(r, "next.priority"));
  else
    fmt::print("Sắp phát / next: không có / nothing scheduled\n");
}

}  // namespace

ControlCommand::ControlCommand(CLI::App& parent, const std::string& name) : m_name(name) {
  const auto* spec = broadcast::find_command(name);
  const std::string help =
      spec != nullptr ? fmt::format("{} / {}", spec->help_vi, spec->help_en) : name;
  m_command = parent.add_subcommand(name, help);
  m_command
      ->add_option("--config", m_config, "Thư mục cấu hình / settings folder (its control_socket)")
      ->check(CLI::ExistingDirectory);
  m_command->add_option(
      "--socket", m_socket,
      "Ổ cắm điều khiển / the control socket (default: broadcast.control_socket)");
  m_command->add_flag("--raw", m_raw, "In các trường giao thức / print the protocol's fields");
  if (name == "play" || name == "alert") {
    m_command
        ->add_option("item", m_arguments,
                     "Danh sách phát hoặc thông báo, rồi các vùng loa / the playlist or "
                     "announcement, then zones (every zone when none)")
        ->required();
  } else if (name == "live") {
    m_command
        ->add_option("input", m_arguments,
                     "Thiết bị vào, rồi các vùng loa / the input device, then the zones")
        ->required()
        ->expected(2, -1);
    m_command->add_option("--for", m_for,
                          "Thời lượng / how long, e.g. 30min (default: until stop)");
  } else if (name == "stop" || name == "skip") {
    m_command->add_option("zones", m_arguments, "Vùng loa / zones (every zone when none)");
  }
  if (name == "alert")
    m_command->add_option("--repeat", m_repeat, "Số lần phát / times to play it (1-10)")
        ->check(CLI::Range(1, 10));
}

int ControlCommand::run() const {
  std::filesystem::path socket = m_socket;
  if (socket.empty()) {
    const auto settings = load_settings_option(m_config);
    if (!settings) return 2;
    socket = settings->broadcast.control_socket;
  }
  broadcast::Request request{m_name, m_arguments};
  if (m_repeat > 0) request.arguments.push_back(fmt::format("repeat={}", m_repeat));
  if (!m_for.empty()) request.arguments.push_back("for=" + m_for);

  Response response;
  try {
    auto client =
        broadcast::ControlClient::connect(socket, m_name == "reload" ? kReloadTimeout : kTimeout);
    response = client.send(request);
  } catch (const broadcast::ControlError& e) {
    fmt::print(stderr, "tinxa {}: {}\n", m_name, e.what());
    return 3;
  }
  if (m_raw || (m_name != "status")) {
    for (const auto& [key, value] : response.fields) fmt::print("{}: {}\n", key, value);
  } else {
    print_status(response);
  }
  if (response.error) {
    fmt::print(stderr, "tinxa {}: tinxa-broadcastd từ chối / refused: {}\n", m_name,
               response.message);
    return 1;
  }
  if (m_name != "status" && !m_raw) fmt::print("tinxa {}: xong / done\n", m_name);
  return 0;
}

}  // namespace tinxa::cli
