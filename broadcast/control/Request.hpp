#pragma once

// The control protocol, version 1: MPD-style lines of UTF-8 over a Unix socket.
//
//   server, on connect:  OK tinxa 1
//   client:              play "ban-tin-sang" thon-1 thon-2
//   server:              zero or more "key: value" lines, then "OK"
//                        or "ACK [code] {command} message" on failure
//
// A request is one line: a command word, then arguments separated by spaces; an argument with
// spaces or quotes is written in double quotes, with \" and \\ inside. Requests and responses are
// plain values, so a later transport (MQTT for a province) carries the same text.
//
// The commands (CommandTable.cpp; tinxa-broadcastd's CommandHandlers.hpp says what each does):
// status, play ITEM [ZONE...], alert ITEM [ZONE...] [repeat=N], stop [ZONE...], skip [ZONE...],
// live INPUT ZONE... [for=DURATION], reload. No zone named means every zone.
//
// `status` answers these fields, in this order; their names are stable (the kiosk reads `next`):
//   state: running | degraded              (degraded: an output device is lost)
//   time: 2026-11-30T06:29:58+07:00         (the daemon's local time, ISO 8601 with offset)
//   schedule: /etc/tinxa/schedule.yaml      slots: 7
//   content.source: configured | last-good  (last-good: the configured bundle or schedule had
//     errors at start, so the daemon runs its last good copy, named by content.last_good: PATH,
//     until a reload of the configured files is applied)
//   content.media_problems: N               (only when recordings are missing or broken)
//   zones: trung-tam ap-2                   (zone ids, space-separated, in file order)
//   per zone Z, in that order:
//     zone.Z: idle | playing | live | no-device
//     zone.Z.name: Trung tâm xã             zone.Z.device: default
//     while something holds it: zone.Z.title (the playlist or announcement), zone.Z.item (the
//     file sounding now), zone.Z.priority (normal | priority | emergency), zone.Z.slot,
//     zone.Z.key (the as-run occurrence key), zone.Z.waiting (items suspended or queued)
//   per output device D: device.D: open | lost: <reason>
//   when anything is scheduled ahead:
//     next: 2026-11-30T17:00:00+07:00       (when the next scheduled occurrence starts)
//     next.title: Bản tin buổi chiều        next.slot: ban-tin-chieu
//     next.zones: trung-tam ap-2            next.priority: normal
//   (no `next` field at all when nothing is scheduled in the next 48 hours)
// `play` and `alert` answer key, title, priority, [repeat] and zone.Z: playing | waiting |
// no-device (logged device_failure: that zone will not hear it);
// `stop` and `skip` answer stopped|skipped and idle (zone lists); `reload` answers error and
// warning fields (one per checker message), schedule, slots and next, and ACK [5] when the new
// schedule is rejected (the old one keeps running), once the daemon's reload worker has loaded and
// checked it (the answer comes when it is done; that client's later requests wait behind it,
// other clients are answered meanwhile); `live` answers live (its id), source, zones.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tinxa::broadcast {

inline constexpr int kProtocolVersion = 1;
inline constexpr std::size_t kMaxRequestBytes = 4096;

struct Request {
  std::string command;
  std::vector<std::string> arguments;

  friend bool operator==(const Request&, const Request&) = default;
};

// Parses one request line (without its newline). On failure returns nullopt and sets `error` to
// a bilingual reason ("unterminated quote", ...). Never throws except std::bad_alloc.
[[nodiscard]] std::optional<Request> parse_request(std::string_view line, std::string& error);

// Writes `request` as one line (without the newline), quoting arguments where needed, so that
// parse_request(format_request(r)) == r.
[[nodiscard]] std::string format_request(const Request& request);

}  // namespace tinxa::broadcast
