#pragma once

// CPU time of every thread of this process, read without the threads' cooperation: their ids and
// names from /proc/self/task, their CPU from each one's per-thread CPU clock (the clock id
// pthread_getcpuclockid would give, built from the kernel thread id, so threads that libraries
// started, e.g. PortAudio's callback thread or the ALSA jack plugin's JACK client, count too).
// For the benchmark's per-thread breakdown. Threading: any thread.

#include <sys/types.h>

#include <map>
#include <set>
#include <string>

namespace tinxa::bench {

struct ThreadCpu {
  std::string name;    // /proc/self/task/TID/comm (15 characters at most)
  std::string policy;  // "other", or "fifo 70" / "rr 70" with the real-time priority
  double cpu_seconds = 0.0;
};

// Every thread alive now, by kernel thread id. A thread that ends while it is read is left out.
[[nodiscard]] std::map<pid_t, ThreadCpu> thread_cpu();

// The ids of the threads alive now.
[[nodiscard]] std::set<pid_t> thread_ids();

}  // namespace tinxa::bench
