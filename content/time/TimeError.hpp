#pragma once

#include <stdexcept>

namespace tinxa::content {

// A time zone that cannot be loaded, or a local time that cannot be converted. The message names
// the zone and what was wrong.
class TimeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace tinxa::content
