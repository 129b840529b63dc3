#include "broadcast/rt/Mixer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/broadcast/rt/BlockFixture.hpp"

namespace tinxa::broadcast::test {
namespace {

// A 1 kHz cosine at half scale: it starts at its peak, the worst case for a click.
float cosine(std::int64_t frame, std::size_t /*channel*/) {
  return static_cast<float>(0.5 *
                            std::cos(2.0 * M_PI * 1000.0 * static_cast<double>(frame) / kRate));
}

float largest_step(const std::vector<float>& samples) {
  float largest = 0.0F;
  for (std::size_t i = 1; i < samples.size(); ++i) {
    largest = std::max(largest, std::abs(samples[i] - samples[i - 1]));
  }
  return largest;
}

TEST_CASE("A stream starts on the exact output frame it was scheduled for", "[rt][mixer]") {
  const auto at = GENERATE(std::int64_t{0}, std::int64_t{1}, std::int64_t{255}, std::int64_t{256},
                           std::int64_t{1000}, std::int64_t{4097});
  Mixer mixer{kRate};
  BlockQueue queue;
  BlockFixture source{7, kChannels, 512, constant};
  source.feed(queue, 8, -1);
  REQUIRE(mixer.post(MixerCommand::start(7, &queue, at, 1.0F, 0)));
  const auto left = render(mixer, 20);
  const auto first = std::find_if(left.begin(), left.end(), [](float s) { return s != 0.0F; });
  REQUIRE(first != left.end());
  CHECK(first - left.begin() == at);
  const auto events = drain_events(mixer);
  REQUIRE_FALSE(events.empty());
  CHECK(events.front() == MixerEvent{MixerEvent::Kind::started, 7, at});
}

TEST_CASE("A stop at a frame fades out so that the stream's last sample is just before it",
          "[rt][mixer]") {
  const auto at =
      GENERATE(std::int64_t{300}, std::int64_t{512}, std::int64_t{1000}, std::int64_t{4097});
  const auto ramp = GENERATE(std::uint32_t{0}, std::uint32_t{240});
  Mixer mixer{kRate};
  BlockQueue queue;
  BlockFixture source{7, kChannels, 512, constant};
  source.feed(queue, 16, -1);
  REQUIRE(mixer.post(MixerCommand::start(7, &queue, 0, 1.0F, 0)));
  REQUIRE(mixer.post(MixerCommand::stop_at(7, at, ramp)));
  const auto left = render(mixer, 24);
  const auto last = std::find_if(left.rbegin(), left.rend(), [](float s) { return s != 0.0F; });
  REQUIRE(last != left.rend());
  CHECK(left.rend() - last - 1 == at - 1);  // the last sample heard
  if (ramp == 0) {
    CHECK(left[static_cast<std::size_t>(at - 1)] == 0.5F);
  } else {
    CHECK(left[static_cast<std::size_t>(at - ramp)] == 0.5F);  // the fade starts after this
    CHECK(left[static_cast<std::size_t>(at - 1)] < 0.01F);
  }
  const auto events = drain_events(mixer);
  REQUIRE(events.size() == 2);
  CHECK(events.back() == MixerEvent{MixerEvent::Kind::stopped, 7, at});
}

TEST_CASE("A start scheduled in the past plays at once and reports the frame it really started",
          "[rt][mixer]") {
  Mixer mixer{kRate};
  render(mixer, 4);
  BlockQueue queue;
  BlockFixture source{1, kChannels, 256, constant};
  source.feed(queue, 4, -1);
  REQUIRE(mixer.post(MixerCommand::start(1, &queue, 100, 1.0F, 0)));
  render(mixer, 1);
  const auto events = drain_events(mixer);
  REQUIRE(events.size() == 1);
  CHECK(events[0] == MixerEvent{MixerEvent::Kind::started, 1, 4 * 256});
}

TEST_CASE(
    "A stream that reaches its end reports the frame after its last sample and gives every "
    "block back",
    "[rt][mixer]") {
  Mixer mixer{kRate};
  BlockQueue queue;
  BlockFixture source{3, kChannels, 300, constant};
  CHECK(source.feed(queue, 64, 1000) == 4);  // 300 + 300 + 300 + 100
  REQUIRE(mixer.post(MixerCommand::start(3, &queue, 50, 1.0F, 0)));
  const auto left = render(mixer, 8);
  const auto events = drain_events(mixer);
  REQUIRE(events.size() == 2);
  CHECK(events[1] == MixerEvent{MixerEvent::Kind::ended, 3, 1050});
  CHECK(events[1].releases_stream());
  CHECK(left[1049] == 0.5F);
  CHECK(left[1050] == 0.0F);
  CHECK(drain_spent(mixer) == 4);
}

TEST_CASE("A mono stream is heard on every output channel", "[rt][mixer]") {
  Mixer mixer{kRate};
  BlockQueue queue;
  BlockFixture source{1, 1, 128, constant};
  source.feed(queue, 4, -1);
  REQUIRE(mixer.post(MixerCommand::start(1, &queue, 0, 1.0F, 0)));
  std::vector<float> buffer(64 * kChannels);
  mixer.render(buffer, kChannels);
  CHECK(std::all_of(buffer.begin(), buffer.end(), [](float s) { return s == 0.5F; }));
}

TEST_CASE("Two streams add up and the sum is clipped to full scale", "[rt][mixer]") {
  Mixer mixer{kRate};
  BlockQueue first;
  BlockQueue second;
  BlockFixture a{1, kChannels, 256, [](std::int64_t, std::size_t) { return 0.75F; }};
  BlockFixture b{2, kChannels, 256, [](std::int64_t, std::size_t) { return 0.5F; }};
  a.feed(first, 4, -1);
  b.feed(second, 4, -1);
  REQUIRE(mixer.post(MixerCommand::start(1, &first, 0, 1.0F, 0)));
  REQUIRE(mixer.post(MixerCommand::start(2, &second, 0, 0.5F, 0)));
  auto left = render(mixer, 1);
  CHECK(left[10] == Approx(1.0F));
  REQUIRE(mixer.post(MixerCommand::set_gain(1, 0.5F, 0)));
  left = render(mixer, 1);
  CHECK(left[10] == Approx(0.625F));
}

TEST_CASE("An empty queue is an underrun: silence, one event, a counter, then the stream resumes",
          "[rt][mixer]") {
  Mixer mixer{kRate};
  BlockQueue queue;
  BlockFixture source{5, kChannels, 256, constant};
  source.feed(queue, 2, -1);
  REQUIRE(mixer.post(MixerCommand::start(5, &queue, 0, 1.0F, 0)));
  render(mixer, 2);
  const auto silent = render(mixer, 3);
  CHECK(std::all_of(silent.begin(), silent.end(), [](float s) { return s == 0.0F; }));
  CHECK(mixer.underruns() == 3);
  auto events = drain_events(mixer);
  REQUIRE(events.size() == 2);
  CHECK(events[1] == MixerEvent{MixerEvent::Kind::underrun, 5, 512});
  source.feed(queue, 2, -1);
  const auto resumed = render(mixer, 2);
  CHECK(resumed.front() < 0.01F);  // ramps up again rather than jumping
  CHECK(resumed.back() == 0.5F);
  CHECK(drain_events(mixer).empty());
}

TEST_CASE("A stop fades out and then releases the stream", "[rt][mixer]") {
  Mixer mixer{kRate};
  BlockQueue queue;
  BlockFixture source{9, kChannels, 256, constant};
  source.feed(queue, 16, -1);
  REQUIRE(mixer.post(MixerCommand::start(9, &queue, 0, 1.0F, 0)));
  render(mixer, 2);
  REQUIRE(mixer.post(MixerCommand::stop(9, 240)));
  const auto left = render(mixer, 4);
  CHECK(left[0] < 0.5F);
  CHECK(left[0] > 0.49F);
  CHECK(left[239] == 0.0F);
  CHECK(std::all_of(left.begin() + 239, left.end(), [](float s) { return s == 0.0F; }));
  const auto events = drain_events(mixer);
  REQUIRE(events.size() == 2);
  CHECK(events[1] == MixerEvent{MixerEvent::Kind::stopped, 9, 512 + 239});
  CHECK(mixer.underruns() == 0);
}

TEST_CASE("A stop before the scheduled start releases the stream at once without sound",
          "[rt][mixer]") {
  Mixer mixer{kRate};
  BlockQueue queue;
  BlockFixture source{4, kChannels, 256, constant};
  source.feed(queue, 4, -1);
  REQUIRE(mixer.post(MixerCommand::start(4, &queue, 10'000, 1.0F, 0)));
  REQUIRE(mixer.post(MixerCommand::stop(4, 240)));
  const auto left = render(mixer, 2);
  CHECK(std::all_of(left.begin(), left.end(), [](float s) { return s == 0.0F; }));
  const auto events = drain_events(mixer);
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == MixerEvent::Kind::stopped);
}

TEST_CASE("Commands for unknown streams and starts beyond the voice limit are rejected",
          "[rt][mixer]") {
  Mixer mixer{kRate};
  std::vector<BlockQueue> queues(Mixer::kMaxVoices + 1);
  for (std::size_t i = 0; i <= Mixer::kMaxVoices; ++i) {
    REQUIRE(mixer.post(MixerCommand::start(i + 1, &queues[i], 0, 1.0F, 0)));
  }
  REQUIRE(mixer.post(MixerCommand::stop(999, 0)));
  render(mixer, 1);
  const auto events = drain_events(mixer);
  const auto rejected = std::count_if(events.begin(), events.end(), [](const MixerEvent& e) {
    return e.kind == MixerEvent::Kind::rejected;
  });
  CHECK(rejected == 2);
  CHECK(std::find(events.begin(), events.end(),
                  MixerEvent{MixerEvent::Kind::rejected, Mixer::kMaxVoices + 1, 0}) !=
        events.end());
}

TEST_CASE("Blocks of another stream left in a queue are given back, not played", "[rt][mixer]") {
  Mixer mixer{kRate};
  BlockQueue queue;
  BlockFixture old{1, kChannels, 256, [](std::int64_t, std::size_t) { return 0.9F; }};
  BlockFixture current{2, kChannels, 256, constant};
  old.feed(queue, 2, -1);
  current.feed(queue, 2, -1);
  REQUIRE(mixer.post(MixerCommand::start(2, &queue, 0, 1.0F, 0)));
  const auto left = render(mixer, 1);
  CHECK(left[0] == 0.5F);
  CHECK(drain_spent(mixer) == 3);
}

TEST_CASE("Gain ramps keep starts, stops, preemption and ducking free of clicks",
          "[rt][mixer][ramp]") {
  // A 1 kHz half-scale tone moves at most 2*pi*1000*0.5/48000 = 0.065 per sample by itself.
  constexpr float kNaturalStep = 0.066F;
  constexpr std::uint32_t kRamp = 240;  // 5 ms
  Mixer mixer{kRate};
  BlockQueue first;
  BlockQueue second;
  BlockFixture a{1, kChannels, 256, cosine};
  BlockFixture b{2, kChannels, 256, cosine};

  SECTION("with ramps") {
    a.feed(first, 40, -1);
    b.feed(second, 40, -1);
    std::vector<float> all;
    auto append = [&all](const std::vector<float>& part) {
      all.insert(all.end(), part.begin(), part.end());
    };
    REQUIRE(mixer.post(MixerCommand::start(1, &first, 300, 1.0F, kRamp)));  // start
    append(render(mixer, 8));
    REQUIRE(mixer.post(MixerCommand::set_gain(1, 0.25F, kRamp)));  // duck
    append(render(mixer, 4));
    REQUIRE(mixer.post(MixerCommand::set_gain(1, 1.0F, kRamp)));  // unduck
    append(render(mixer, 4));
    const std::int64_t now = mixer.frames_rendered();
    REQUIRE(mixer.post(MixerCommand::stop(1, kRamp)));  // preempt: fade one out, the other in
    REQUIRE(mixer.post(MixerCommand::start(2, &second, now + 17, 1.0F, kRamp)));
    append(render(mixer, 8));
    REQUIRE(mixer.post(MixerCommand::stop(2, kRamp)));  // stop
    append(render(mixer, 4));
    CHECK(largest_step(all) <= kNaturalStep * 1.2F);
    CHECK(all.back() == 0.0F);
    const auto events = drain_events(mixer);
    CHECK(std::count_if(events.begin(), events.end(), [](const MixerEvent& e) {
            return e.kind == MixerEvent::Kind::stopped;
          }) == 2);
  }
  SECTION("without ramps the same start clicks, so the bound above is meaningful") {
    a.feed(first, 8, -1);
    REQUIRE(mixer.post(MixerCommand::start(1, &first, 300, 1.0F, 0)));
    CHECK(largest_step(render(mixer, 4)) > 0.4F);
  }
}

}  // namespace
}  // namespace tinxa::broadcast::test
