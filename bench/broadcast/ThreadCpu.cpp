#include "bench/broadcast/ThreadCpu.hpp"

#include <sched.h>
#include <time.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace tinxa::bench {

namespace {

const std::filesystem::path kTasks = "/proc/self/task";

// The per-thread CPU clock of thread `tid` of this process: the kernel's
// MAKE_THREAD_CPUCLOCK(tid, CPUCLOCK_SCHED), as glibc's pthread_getcpuclockid builds it.
clockid_t thread_clock(pid_t tid) {
  constexpr std::uint32_t kSched = 2;      // CPUCLOCK_SCHED
  constexpr std::uint32_t kPerThread = 4;  // CPUCLOCK_PERTHREAD_MASK
  return static_cast<clockid_t>((~static_cast<std::uint32_t>(tid) << 3U) | kSched | kPerThread);
}

// "other", or the real-time policy and priority, from /proc/self/task/TID/stat (fields 40, 41).
std::string policy_of(const std::filesystem::path& task) {
  std::ifstream file{task / "stat"};
  std::string line;
  std::getline(file, line);
  const auto close = line.rfind(')');  // the name may hold spaces and parentheses
  if (close == std::string::npos) return "?";
  std::istringstream fields{line.substr(close + 2)};
  std::string field;
  int rt_priority = 0;
  int policy = 0;
  for (int index = 3; fields >> field; ++index) {  // field 3 is the state
    if (index == 40) rt_priority = std::stoi(field);
    if (index == 41) {
      policy = std::stoi(field);
      break;
    }
  }
  if (policy == SCHED_FIFO) return "fifo " + std::to_string(rt_priority);
  if (policy == SCHED_RR) return "rr " + std::to_string(rt_priority);
  return "other";
}

}  // namespace

std::map<pid_t, ThreadCpu> thread_cpu() {
  std::map<pid_t, ThreadCpu> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(kTasks, ec)) {
    const auto tid = static_cast<pid_t>(std::stol(entry.path().filename().string()));
    timespec now{};
    if (clock_gettime(thread_clock(tid), &now) != 0) continue;  // it has ended
    ThreadCpu thread;
    std::ifstream comm{entry.path() / "comm"};
    std::getline(comm, thread.name);
    thread.policy = policy_of(entry.path());
    thread.cpu_seconds = static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
    out.emplace(tid, std::move(thread));
  }
  return out;
}

std::set<pid_t> thread_ids() {
  std::set<pid_t> out;
  for (const auto& [tid, thread] : thread_cpu()) out.insert(tid);
  return out;
}

}  // namespace tinxa::bench
