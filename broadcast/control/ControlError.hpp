#pragma once

#include <stdexcept>
#include <string>

namespace tinxa::broadcast {

// A control socket could not be created, reached or understood. The message is bilingual and
// names the socket's path and the system's reason.
class ControlError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace tinxa::broadcast
