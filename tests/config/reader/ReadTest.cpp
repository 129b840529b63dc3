#include "config/reader/Document.hpp"
#include "config/reader/Read.hpp"

#include "Support.hpp"

#include <catch2/catch.hpp>

#include <array>

namespace tinxa::config {

namespace {

// Reads the value of "v:" in `yaml` into `out`; returns whether it succeeded.
template <class T>
bool read_v(const std::string& yaml, T& out, Diagnostics& diagnostics) {
  auto doc = Document::parse(yaml, "t.yaml", diagnostics);
  REQUIRE(doc.has_value());
  return read_value(Value(doc->root().node()["v"], std::make_shared<const SourceText>("t.yaml"),
                          "v", diagnostics),
                    out);
}

enum class Priority { normal, priority, emergency };
constexpr std::array<EnumName<Priority>, 3> kPriorities{{{"normal", Priority::normal},
                                                         {"priority", Priority::priority},
                                                         {"emergency", Priority::emergency}}};

}  // namespace

TEST_CASE("Text is normalised to NFC whatever form the editor's keyboard produced",
          "[config][reader]") {
  Diagnostics diagnostics;
  std::string out;
  // "Hòa" typed as o + combining grave accent (NFD).
  REQUIRE(
      read_v("v: \"Ho\xCC\x80"
             "a\"\n",
             out, diagnostics));
  CHECK(out ==
        "H\xC3\xB2"
        "a");
  CHECK_FALSE(diagnostics.has_errors());
}

TEST_CASE("Invalid UTF-8 is reported with a hint to save as UTF-8", "[config][reader]") {
  Diagnostics diagnostics;
  std::string out = "kept";
  CHECK_FALSE(read_v("v: \"abc\xFF\"\n", out, diagnostics));
  CHECK(out == "kept");
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items().front().expected.en == "save the file as UTF-8");
}

TEST_CASE("Numbers are read strictly", "[config][reader]") {
  Diagnostics diagnostics;
  int whole = 0;
  CHECK(read_v("v: 42\n", whole, diagnostics));
  CHECK(whole == 42);
  CHECK_FALSE(read_v("v: 4.5\n", whole, diagnostics));
  CHECK_FALSE(read_v("v: 99999999999\n", whole, diagnostics));
  double real = 0;
  CHECK(read_v("v: -16.5\n", real, diagnostics));
  CHECK(real == -16.5);
  CHECK_FALSE(read_v("v: \"2,5\"\n", real, diagnostics));
  REQUIRE(diagnostics.error_count() == 3);
  CHECK(diagnostics.items()[1].message.en == "the number is too large");
  CHECK(diagnostics.items()[2].suggestion == "2.5");
}

TEST_CASE("Booleans are only true or false, with a hint for yes and no", "[config][reader]") {
  Diagnostics diagnostics;
  bool flag = false;
  CHECK(read_v("v: true\n", flag, diagnostics));
  CHECK(flag);
  CHECK_FALSE(read_v("v: yes\n", flag, diagnostics));
  CHECK_FALSE(read_v("v: off\n", flag, diagnostics));
  REQUIRE(diagnostics.error_count() == 2);
  CHECK(diagnostics.items()[0].suggestion == "true");
  CHECK(diagnostics.items()[1].suggestion == "false");
}

TEST_CASE("Dates, times of day and durations are read from their written forms",
          "[config][reader]") {
  using namespace std::chrono;
  Diagnostics diagnostics;
  year_month_day date{};
  CHECK(read_v("v: 2026-11-28\n", date, diagnostics));
  CHECK(date == year{2026} / November / 28);
  CHECK_FALSE(read_v("v: 2026-02-29\n", date, diagnostics));
  CHECK_FALSE(read_v("v: 28/11/2026\n", date, diagnostics));
  TimeOfDay time{};
  CHECK(read_v("v: \"06:30\"\n", time, diagnostics));
  CHECK(time == TimeOfDay{6, 30, 0});
  milliseconds length{};
  CHECK(read_v("v: 1h30min\n", length, diagnostics));
  CHECK(length == minutes{90});
  CHECK_FALSE(read_v("v: 30\n", length, diagnostics));
  REQUIRE(diagnostics.error_count() == 3);
  CHECK(diagnostics.items()[2].suggestion == "30s");
}

TEST_CASE("An enumeration word that is misspelt gets a did-you-mean", "[config][reader]") {
  Diagnostics diagnostics;
  auto doc = Document::parse("v: emergancy\n", "s.yaml", diagnostics);
  REQUIRE(doc);
  const Value v(doc->root().node()["v"], std::make_shared<const SourceText>("s.yaml"), "v",
                diagnostics);
  Priority p = Priority::normal;
  CHECK_FALSE(read_enum<Priority>(v, p, kPriorities));
  CHECK(p == Priority::normal);
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items().front().suggestion == "emergency");
  CHECK(diagnostics.items().front().expected.en == "one of: normal, priority, emergency");
}

TEST_CASE("A list reports every bad element and keeps the old value", "[config][reader]") {
  Diagnostics diagnostics;
  std::vector<int> numbers{9};
  CHECK_FALSE(read_v("v:\n  - 1\n  - x\n  - 3\n  - y\n", numbers, diagnostics));
  CHECK(numbers == std::vector<int>{9});
  REQUIRE(diagnostics.error_count() == 2);
  CHECK(diagnostics.items()[0].key_path == "v[1]");
  CHECK(diagnostics.items()[0].position.line == 3);
  CHECK(diagnostics.items()[1].key_path == "v[3]");
  CHECK(read_v("v: [4, 5]\n", numbers, diagnostics));
  CHECK(numbers == std::vector<int>{4, 5});
}

TEST_CASE("A number out of range names the range", "[config][reader]") {
  Diagnostics diagnostics;
  auto doc = Document::parse("v: 5\n", "s.yaml", diagnostics);
  REQUIRE(doc);
  const Value v(doc->root().node()["v"], std::make_shared<const SourceText>("s.yaml"), "v",
                diagnostics);
  int days = 14;
  CHECK_FALSE(read_in_range(v, days, 10, 20));
  CHECK(days == 14);
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items().front().expected.en == "from 10 to 20");
}

}  // namespace tinxa::config
