#pragma once

#include <string>
#include <vector>

namespace tinxa::bench {

// What one child process (and everything it started) cost, measured from outside.
struct ProcessCost {
  double wall_ms = 0.0;      // fork to exit
  double cpu_ms = 0.0;       // user + system CPU of the child and the descendants it waited for
  double peak_pss_mb = 0.0;  // largest sum of PSS over the process tree (shared pages split)
  double peak_rss_mb = 0.0;  // largest sum of RSS over the tree (shared pages counted each time)
  int processes = 0;         // most processes alive at once in the tree
  int exit_code = -1;        // -1 if it did not exit normally
};

// Runs `argv` (argv[0] looked up on PATH) with `env` ("NAME=value") added, samples the memory of
// its whole process tree every few milliseconds from /proc, and waits for it to exit. Its output
// goes to /dev/null. Linux only.
// With `sample_memory` false, only times are taken: reading a process's smaps_rollup every few
// milliseconds slows it down (it takes the process's memory-map lock), so time and memory are
// measured in separate runs.
ProcessCost run_measured(const std::vector<std::string>& argv, bool sample_memory,
                         const std::vector<std::string>& env = {});

// Every live process below `root` (children, grandchildren...), and `root` itself.
std::vector<int> process_tree(int root);

// CPU time (user + system) of process `pid` in seconds, from /proc/PID/stat; -1 if gone.
double cpu_seconds(int pid);

// Resident memory of process `pid` in MB (VmRSS), and its peak (VmHWM); -1 if gone.
double rss_mb(int pid);
double peak_rss_mb(int pid);

// Looks `name` up on PATH; empty if not found.
std::string find_program(const std::string& name);

}  // namespace tinxa::bench
