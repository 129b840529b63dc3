#pragma once

#include "kiosk/ui/Painter.hpp"
#include "kiosk/ui/selfcheck/SelfCheckFlow.hpp"

namespace tinxa::kiosk::ui::selfcheck {

// The picture beside each question, drawn from shapes like kiosk/ui/Icon, large enough that a
// resident who reads slowly knows what the question is about before reading it.
enum class Picture {
  area,      // a house and a tree
  people,    // three people
  money,     // a banknote
  work,      // a briefcase
  child,     // an adult and a small child
  health,    // a cross on a card
  school,    // an open book
  house,     // a house with a roof
  floor,     // a floor plan with a measure
  water,     // a drop
  toilet,    // a small hut with a door
  signal,    // a phone with waves
  screen,    // a television
  waste,     // a bin
  question,  // anything else
};

[[nodiscard]] Picture picture_for(const SelfCheckFlow::Step& step);

// Draws `picture` centred in the square `box` in `color` on `background`.
void draw_picture(Painter& painter, Picture picture, const Rect& box, Color color,
                  Color background);

}  // namespace tinxa::kiosk::ui::selfcheck
