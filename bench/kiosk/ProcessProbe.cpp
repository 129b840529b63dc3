#include "bench/kiosk/ProcessProbe.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

namespace tinxa::bench {
namespace {

// A "Key:   123 kB" line of a /proc file, in MB; -1 if absent.
double proc_kb_field(const std::string& file, const std::string& key) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) {
      return std::strtod(line.c_str() + key.size(), nullptr) / 1024.0;
    }
  }
  return -1.0;
}

// The fields after the command name in /proc/PID/stat (the name may hold spaces).
std::vector<std::string> stat_fields(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string all;
  std::getline(in, all);
  const auto close = all.rfind(')');
  std::vector<std::string> out;
  if (close == std::string::npos) return out;
  std::istringstream rest(all.substr(close + 2));
  std::string field;
  while (rest >> field) out.push_back(field);
  return out;  // out[0] is the state (field 3), out[1] the parent (field 4)
}

}  // namespace

std::vector<int> process_tree(int root) {
  std::multimap<int, int> children;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || !std::all_of(name.begin(), name.end(), ::isdigit)) continue;
    const int pid = std::stoi(name);
    const auto fields = stat_fields(pid);
    if (fields.size() > 1) children.emplace(std::stoi(fields[1]), pid);
  }
  std::vector<int> tree{root};
  for (std::size_t i = 0; i < tree.size(); ++i) {
    const auto [from, to] = children.equal_range(tree[i]);
    for (auto it = from; it != to; ++it) tree.push_back(it->second);
  }
  return tree;
}

double cpu_seconds(int pid) {
  const auto fields = stat_fields(pid);
  if (fields.size() < 13) return -1.0;
  // utime and stime are fields 14 and 15 of the file: 11 and 12 after the name.
  const double ticks =
      std::strtod(fields[11].c_str(), nullptr) + std::strtod(fields[12].c_str(), nullptr);
  return ticks / double(sysconf(_SC_CLK_TCK));
}

double rss_mb(int pid) {
  return proc_kb_field("/proc/" + std::to_string(pid) + "/status", "VmRSS:");
}

double peak_rss_mb(int pid) {
  return proc_kb_field("/proc/" + std::to_string(pid) + "/status", "VmHWM:");
}

std::string find_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const auto candidate = std::filesystem::path(dir) / name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return {};
}

ProcessCost run_measured(const std::vector<std::string>& argv, bool sample_memory,
                         const std::vector<std::string>& env) {
  using Steady = std::chrono::steady_clock;
  ProcessCost cost;
  rusage before{};
  getrusage(RUSAGE_CHILDREN, &before);
  const auto start = Steady::now();
  const pid_t child = fork();
  if (child == 0) {
    // Quiet: Chromium logs every missing D-Bus service of a headless machine.
    const int null = open("/dev/null", O_WRONLY);
    if (null >= 0) {
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
    }
    for (const auto& e : env) putenv(const_cast<char*>(e.c_str()));
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  if (child < 0) return cost;
  int status = 0;
  while (true) {
    const pid_t done = waitpid(child, &status, WNOHANG);
    if (done == child) break;
    if (!sample_memory) {
      std::this_thread::sleep_for(std::chrono::microseconds(500));
      continue;
    }
    const auto tree = process_tree(child);
    double pss = 0.0;
    double rss = 0.0;
    for (const int pid : tree) {
      const std::string base = "/proc/" + std::to_string(pid);
      pss += std::max(0.0, proc_kb_field(base + "/smaps_rollup", "Pss:"));
      rss += std::max(0.0, proc_kb_field(base + "/status", "VmRSS:"));
    }
    cost.peak_pss_mb = std::max(cost.peak_pss_mb, pss);
    cost.peak_rss_mb = std::max(cost.peak_rss_mb, rss);
    cost.processes = std::max(cost.processes, static_cast<int>(tree.size()));
    std::this_thread::sleep_for(std::chrono::milliseconds(4));
  }
  cost.wall_ms = std::chrono::duration<double, std::milli>(Steady::now() - start).count();
  cost.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  rusage after{};
  getrusage(RUSAGE_CHILDREN, &after);
  auto ms = [](const timeval& t) { return double(t.tv_sec) * 1000.0 + double(t.tv_usec) / 1000.0; };
  cost.cpu_ms = ms(after.ru_utime) + ms(after.ru_stime) - ms(before.ru_utime) - ms(before.ru_stime);
  return cost;
}

}  // namespace tinxa::bench
