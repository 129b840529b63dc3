#include "broadcast/daemon/ProgrammeStart.hpp"

namespace tinxa::broadcast {

ProgrammeStart start_programme(ScheduleReloader& programme, LastGoodProgramme* last_good) {
  ProgrammeStart out;
  ReloadCandidate configured = load_candidate(programme.files(), programme.bundle_load());
  auto origin = configured.origin;
  const bool whole = configured.media_problems == 0;
  if (programme.adopt(std::move(configured), out.configured)) {
    out.source = ProgrammeStart::Source::configured;
    if (whole) out.keep = std::move(origin);
    return out;
  }
  if (last_good == nullptr) return out;
  const auto copy = last_good->files(programme.files());
  if (!copy) return out;
  out.copy = copy->content_dir;
  if (programme.adopt(load_candidate(*copy, programme.bundle_load()), out.copy_diagnostics,
                      copy->content_dir)) {
    out.source = ProgrammeStart::Source::last_good;
    last_good->keep_while_playing();
  }
  return out;
}

}  // namespace tinxa::broadcast
