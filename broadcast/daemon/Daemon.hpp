#pragma once

// `tinxa-broadcastd --config DIR`: the real-time daemon's composition root and event loop.
//
// Start: reads the settings, loads and checks the bundle and the schedule (every message
// printed; on errors other than media problems it runs the last good copy kept in
// site.data_dir/broadcast instead (ProgrammeStart, LastGoodProgramme) and says so, in the log and
// in `tinxa status` (content.source: last-good); exit 1 only when there is no such copy), opens
// the as-run log in site.data_dir, builds the Engine on the system
// clock, opens one output stream per device (DeviceOutputs; a device that fails is retried every
// broadcast.device_retry), schedules from the previous run's last-alive time (at most 31 days
// back) to 48 h ahead and runs Engine::catch_up() (missed items are logged, those within
// catch_up_grace play at once), listens on the control socket, then tells systemd READY=1.
//
// The loop, one thread for all logic: poll() on the control socket's descriptors, a signalfd
// (SIGHUP: reload; SIGTERM, SIGINT: stop) and the reload worker's eventfd, with a timeout to the
// engine's next_due(), 20 ms while anything plays (Engine::poll, and feed: the live inputs read
// into their streams), and at most 200 ms otherwise. Each turn it also checks the devices for
// faults (device loss), once a second schedule.yaml's modification time (a changed file is
// reloaded as `reload` does), and sends WATCHDOG=1 every half WatchdogSec. On SIGTERM:
// STOPPING=1, Engine::shutdown() (what plays is logged interrupted), the streams close, exit
// status 0.
// Reloads (`reload`, SIGHUP, a changed schedule.yaml) are loaded and checked on a worker thread
// (BackgroundReload, ReloadWorker; one content::ProbeCache for the daemon's life, so a reload
// decodes only the recordings that changed): the old schedule plays on meanwhile, and the loop
// applies the result when woken. The `reload` command's answer waits for it
// (ControlServer::defer). Each accepted programme is saved as the last good copy, on the worker.
// Off-air recordings are written on a thread of their own (OffAirThread): the loop only logs
// their events; at stop the streams close first, then the recorder writes what is left.
// Decoding: on the engine's decode thread (EngineOptions::decode_thread), never on the loop:
// decoding, resampling and loudness measurement (LoudnessPrefill measures the bundle at start and
// after each reload); a stream holds about 0.5 s ahead of the device.
// Logging: one line per event on standard error (the journal under systemd), bilingual.

#include <cstdio>
#include <filesystem>
#include <optional>

#include "broadcast/daemon/DeviceOutputs.hpp"

namespace tinxa::broadcast {

struct DaemonRequest {
  std::filesystem::path config_dir;
  std::optional<std::filesystem::path> content_dir;  // default: site.content_dir
  // One sink per output device; default: PortAudioSink (tests may give pulled or fake sinks).
  DeviceOutputs::SinkFactory make_sink;
};

// Runs until SIGTERM or SIGINT. Returns the exit status: 0 stopped on request, 1 bad settings,
// schedule or content (every message printed to stderr). Throws what the as-run log and the
// control socket throw (main reports it: exit 3, and systemd restarts the daemon).
// Blocks SIGHUP, SIGTERM and SIGINT in the calling thread: call it before any other thread starts.
int run_daemon(const DaemonRequest& request);

}  // namespace tinxa::broadcast
