// Starts that wait for their first block: when the decode thread is late, a stream starts when its
// audio is there (its `started` frame is its first real sample), not in silence on its frame.
#include <algorithm>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "broadcast/rt/Mixer.hpp"
#include "tests/broadcast/rt/BlockFixture.hpp"

namespace tinxa::broadcast::test {
namespace {

bool silent(const std::vector<float>& samples) {
  return std::all_of(samples.begin(), samples.end(), [](float s) { return s == 0.0F; });
}

std::int64_t first_sound(const std::vector<float>& samples) {
  const auto it = std::find_if(samples.begin(), samples.end(), [](float s) { return s != 0.0F; });
  return it == samples.end() ? -1 : it - samples.begin();
}

TEST_CASE("A start whose first block is late begins when the block comes, without an underrun",
          "[rt][mixer][late-start]") {
  const std::uint32_t fade_in = GENERATE(0U, 240U);
  Mixer mixer{kRate};
  BlockQueue queue;
  BlockFixture source{7, kChannels, 512, constant};
  REQUIRE(mixer.post(MixerCommand::start(7, &queue, 100, 1.0F, fade_in)));
  CHECK(silent(render(mixer, 2)));  // frames 0-511: due at 100, nothing to play yet
  CHECK(drain_events(mixer).empty());
  CHECK(mixer.underruns() == 0);

  source.feed(queue, 4, -1);
  const auto left = render(mixer, 4);  // frames 512-1535
  CHECK(first_sound(left) == 0);       // its first sample is the first frame of this render
  const auto events = drain_events(mixer);
  REQUIRE(events.size() == 1);
  CHECK(events[0] == MixerEvent{MixerEvent::Kind::started, 7, 512});
  CHECK(mixer.underruns() == 0);
  if (fade_in == 0) {
    CHECK(left[0] == 0.5F);
  } else {  // the fade-in still runs from its first sample
    CHECK(left[0] < 0.01F);
    CHECK(left[120] == Approx(0.25F).margin(0.01F));
    CHECK(left[fade_in] == 0.5F);
  }
}

TEST_CASE("An underrun is a gap inside a playing stream only", "[rt][mixer][late-start]") {
  Mixer mixer{kRate};
  BlockQueue queue;
  BlockFixture source{5, kChannels, 256, constant};
  REQUIRE(mixer.post(MixerCommand::start(5, &queue, 0, 1.0F, 0)));
  render(mixer, 3);  // waiting: not an underrun
  source.feed(queue, 1, -1);
  render(mixer, 1);  // plays frames 768-1023
  CHECK(mixer.underruns() == 0);
  render(mixer, 2);  // ran dry: two callbacks without audio
  CHECK(mixer.underruns() == 2);
  const auto events = drain_events(mixer);
  REQUIRE(events.size() == 2);
  CHECK(events[0] == MixerEvent{MixerEvent::Kind::started, 5, 768});
  CHECK(events[1] == MixerEvent{MixerEvent::Kind::underrun, 5, 1024});
}

TEST_CASE("The next item queued where the current one ends starts late if its audio is late",
          "[rt][mixer][late-start]") {
  Mixer mixer{kRate};
  BlockQueue first;
  BlockQueue second;
  BlockFixture a{1, kChannels, 250, constant};
  BlockFixture b{2, kChannels, 250, [](std::int64_t, std::size_t) { return 0.25F; }};
  a.feed(first, 8, 1000);
  REQUIRE(mixer.post(MixerCommand::start(1, &first, 0, 1.0F, 0)));
  REQUIRE(mixer.post(MixerCommand::start(2, &second, 1000, 1.0F, 0)));
  auto left = render(mixer, 5);  // frames 0-1279: a ends at 1000, b has nothing yet
  b.feed(second, 8, -1);
  const auto rest = render(mixer, 2);
  left.insert(left.end(), rest.begin(), rest.end());
  CHECK(std::all_of(left.begin(), left.begin() + 1000, [](float s) { return s == 0.5F; }));
  CHECK(std::all_of(left.begin() + 1000, left.begin() + 1280, [](float s) { return s == 0.0F; }));
  CHECK(std::all_of(left.begin() + 1280, left.end(), [](float s) { return s == 0.25F; }));
  const auto events = drain_events(mixer);
  REQUIRE(events.size() == 3);
  CHECK(events[0] == MixerEvent{MixerEvent::Kind::started, 1, 0});
  CHECK(events[1] == MixerEvent{MixerEvent::Kind::ended, 1, 1000});
  CHECK(events[2] == MixerEvent{MixerEvent::Kind::started, 2, 1280});
  CHECK(mixer.underruns() == 0);
}

TEST_CASE("A stop while a start waits for its first block releases it unheard",
          "[rt][mixer][late-start]") {
  Mixer mixer{kRate};
  BlockQueue queue;
  BlockFixture source{4, kChannels, 256, constant};
  REQUIRE(mixer.post(MixerCommand::start(4, &queue, 100, 1.0F, 240)));

  SECTION("a stop now: stopped at once") {
    render(mixer, 2);
    REQUIRE(mixer.post(MixerCommand::stop(4, 240)));
    CHECK(silent(render(mixer, 1)));
    const auto events = drain_events(mixer);
    REQUIRE(events.size() == 1);
    CHECK(events[0] == MixerEvent{MixerEvent::Kind::stopped, 4, 512});
  }
  SECTION("a stop at a frame (a relay's end) with no audio at all: stopped on that frame") {
    REQUIRE(mixer.post(MixerCommand::stop_at(4, 1000, 240)));
    CHECK(silent(render(mixer, 8)));
    const auto events = drain_events(mixer);
    REQUIRE(events.size() == 1);
    CHECK(events[0] == MixerEvent{MixerEvent::Kind::stopped, 4, 1000});
  }
  SECTION("a stop at a frame whose audio comes inside the fade: it still ends on that frame") {
    REQUIRE(mixer.post(MixerCommand::stop_at(4, 1000, 240)));
    render(mixer, 3);  // the fade would begin at 761
    source.feed(queue, 4, -1);
    render(mixer, 2);
    const auto events = drain_events(mixer);
    REQUIRE(events.size() == 2);
    CHECK(events[0] == MixerEvent{MixerEvent::Kind::started, 4, 768});
    CHECK(events[1] == MixerEvent{MixerEvent::Kind::stopped, 4, 1000});
  }
  // Released means released: blocks that come afterwards are never played.
  source.feed(queue, 4, -1);
  CHECK(silent(render(mixer, 4)));
  CHECK(drain_events(mixer).empty());
  CHECK(mixer.underruns() == 0);
}

TEST_CASE("A stop at a frame that finds its stream run dry still reports that frame",
          "[rt][mixer][late-start]") {
  Mixer mixer{kRate};
  BlockQueue queue;
  BlockFixture source{8, kChannels, 256, constant};
  source.feed(queue, 1, -1);
  REQUIRE(mixer.post(MixerCommand::start(8, &queue, 0, 1.0F, 0)));
  REQUIRE(mixer.post(MixerCommand::stop_at(8, 1000, 240)));
  render(mixer, 8);
  const auto events = drain_events(mixer);
  REQUIRE(events.size() == 3);
  CHECK(events[1] == MixerEvent{MixerEvent::Kind::underrun, 8, 256});
  CHECK(events[2] == MixerEvent{MixerEvent::Kind::stopped, 8, 1000});  // not where the fade began
}

TEST_CASE("A gain set while a start waits applies from its first sample",
          "[rt][mixer][late-start]") {
  Mixer mixer{kRate};
  BlockQueue queue;
  BlockFixture source{3, kChannels, 256, constant};
  REQUIRE(mixer.post(MixerCommand::start(3, &queue, 0, 1.0F, 0)));
  render(mixer, 1);
  REQUIRE(mixer.post(MixerCommand::set_gain(3, 0.5F, 240)));
  render(mixer, 1);
  source.feed(queue, 4, -1);
  const auto left = render(mixer, 2);
  CHECK(std::all_of(left.begin(), left.end(), [](float s) { return s == 0.25F; }));
}

TEST_CASE("A stream that is only an end mark starts and ends on the frame the mark comes",
          "[rt][mixer][late-start]") {
  Mixer mixer{kRate};
  BlockQueue queue;
  BlockFixture source{6, kChannels, 256, constant};
  const bool late = GENERATE(false, true);
  if (!late) {
    source.feed(queue, 1, 0);  // a file that failed before any audio: its end mark only
  }
  REQUIRE(mixer.post(MixerCommand::start(6, &queue, 100, 1.0F, 240)));
  render(mixer, 1);
  if (late) {
    source.feed(queue, 1, 0);
  }
  CHECK(silent(render(mixer, 1)));
  const std::int64_t at = late ? 256 : 100;
  const auto events = drain_events(mixer);
  REQUIRE(events.size() == 2);
  CHECK(events[0] == MixerEvent{MixerEvent::Kind::started, 6, at});
  CHECK(events[1] == MixerEvent{MixerEvent::Kind::ended, 6, at});
  CHECK(drain_spent(mixer) == 1);
  CHECK(mixer.underruns() == 0);
}

TEST_CASE("Stale and empty blocks ahead of a stream's first block do not start it",
          "[rt][mixer][late-start]") {
  Mixer mixer{kRate};
  BlockQueue queue;
  BlockFixture old{1, kChannels, 256, [](std::int64_t, std::size_t) { return 0.9F; }};
  old.feed(queue, 2, -1);
  REQUIRE(mixer.post(MixerCommand::start(2, &queue, 0, 1.0F, 0)));
  CHECK(silent(render(mixer, 1)));
  CHECK(drain_events(mixer).empty());
  CHECK(drain_spent(mixer) == 2);  // given back at once, not played
  CHECK(mixer.underruns() == 0);
}

}  // namespace
}  // namespace tinxa::broadcast::test
