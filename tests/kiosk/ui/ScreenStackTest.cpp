#include "kiosk/ui/ScreenStack.hpp"

#include <catch2/catch.hpp>

using namespace tinxa::kiosk::ui;

namespace {
class CountingScreen final : public Screen {
 public:
  CountingScreen(std::string name, int& inputs) : m_name(std::move(name)), m_inputs(inputs) {}
  void layout(const Rect&, Measurer&) override {}
  bool input(const Action&) override {
    ++m_inputs;
    return true;
  }
  void render(Painter&) const override {}
  std::string name() const override { return m_name; }

 private:
  std::string m_name;
  int& m_inputs;
};
}  // namespace

TEST_CASE("Only the top screen of the stack receives input", "[kiosk][stack]") {
  int home_inputs = 0;
  int page_inputs = 0;
  ScreenStack stack;
  stack.push(std::make_unique<CountingScreen>("home", home_inputs));
  stack.push(std::make_unique<CountingScreen>("page", page_inputs));
  CHECK(stack.input(Action::make_tap({1, 1})));
  CHECK(page_inputs == 1);
  CHECK(home_inputs == 0);
}

TEST_CASE("Popping never removes the home screen, and replace swaps the top", "[kiosk][stack]") {
  int n = 0;
  ScreenStack stack;
  stack.push(std::make_unique<CountingScreen>("home", n));
  CHECK_FALSE(stack.pop());
  CHECK(stack.size() == 1);
  stack.push(std::make_unique<CountingScreen>("a", n));
  stack.push(std::make_unique<CountingScreen>("b", n));
  stack.replace(std::make_unique<CountingScreen>("c", n));
  CHECK(stack.top().name() == "c");
  CHECK(stack.size() == 3);
  stack.pop_to_root();
  CHECK(stack.top().name() == "home");
}
