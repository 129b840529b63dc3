#pragma once

#include "content/model/Page.hpp"
#include "kiosk/ui/Button.hpp"
#include "kiosk/ui/Speaker.hpp"
#include "kiosk/ui/Theme.hpp"
#include "kiosk/ui/UiText.hpp"
#include "kiosk/ui/Widget.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace tinxa::kiosk::ui {

// Something to listen to: a sound file and the subject it is counted under.
struct ListenSource {
  std::filesystem::path file;
  std::string subject;   // a page id, "broadcast:<announcement id>", ...
  bool recorded = true;  // a person's recording; false for the synthetic (espeak-ng) voice
};

// What the "Nghe" bar plays for `page` in `language`: the page's recording (when the language is
// Vietnamese, or the page has no `language` text), else the narration `tinxa narrate` rendered
// into `narration_folder` (narration_folder(data_dir, bundle id)) for that language, else the
// Vietnamese one; nullopt when there is none.
[[nodiscard]] std::optional<ListenSource> page_listen_source(
    const content::Page& page, std::string_view language,
    const std::filesystem::path& narration_folder);

// What a screen needs to offer listening. `speaker` may be null (no sound at all); `listened` is
// told each time a resident starts a sound (not a resume), for the anonymous listen counts.
struct ListenContext {
  Speaker* speaker = nullptr;
  std::function<void(const std::string& subject)> listened;
  std::string language = "vi";  // the bar's own words (UiText), the resident's choice at home
};

// The "Nghe" (listen) bar: a large Play/Pause button ("Nghe", "Tạm dừng", "Nghe tiếp"), Stop
// ("Dừng"), volume down and up ("Nhỏ", "To") with five steps shown as bars, and a line saying
// what is heard and how far it is. Every button is a touch target of the theme's size, in the same
// place whatever the state (Stop is dimmed when nothing plays). Without a source the bar says
// "Chưa có bản đọc" (or the text given); without a speaker, that listening is unavailable here.
// Its words are in the context's language (UiText; the constants below are the Vietnamese).
// Reads the speaker's state when drawn: the owner redraws when it changes. UI thread only.
class ListenBar final : public Widget {
 public:
  static constexpr float kVolumeStep = 0.2f;
  static constexpr float kMinVolume = 0.2f;
  static constexpr float kDefaultVolume = 0.8f;
  static constexpr const char* kNoNarration = "Chưa có bản đọc";
  static constexpr const char* kUnavailable = "Máy này chưa nghe được: không có loa";

  enum class Mode { ready, no_source, unavailable };

  ListenBar(const Theme& theme, ListenContext context);

  void set_source(std::optional<ListenSource> source);
  [[nodiscard]] const std::optional<ListenSource>& source() const noexcept { return m_source; }
  // What the bar says when it has no source (default UiText::no_narration, kNoNarration).
  void set_empty_text(std::string text) { m_empty_text = std::move(text); }
  [[nodiscard]] const std::string& language() const noexcept { return m_context.language; }

  // Lays the bar out in `rect` (its height from height_for()).
  void layout(const Rect& rect, Measurer& measurer);
  // The height the bar needs at `width`: one row, or two where the buttons do not fit in one.
  [[nodiscard]] int height_for(int width, Measurer& measurer) const;

  [[nodiscard]] bool input(const Action& action) override;
  void render(Painter& painter) const override;

  // Sets the source and plays it from the start (a row's button on the hear-again screen).
  bool play(const ListenSource& source);

  [[nodiscard]] Mode mode() const noexcept;
  // The speaker's state for this bar's source (stopped when it plays something else).
  [[nodiscard]] Speaker::State shown_state() const;
  [[nodiscard]] std::string play_label() const;
  [[nodiscard]] std::string status_text() const;
  [[nodiscard]] const Rect& rect() const noexcept { return m_rect; }
  [[nodiscard]] const Rect& play_rect() const noexcept { return m_play.rect; }
  [[nodiscard]] const Rect& stop_rect() const noexcept { return m_stop.rect; }
  [[nodiscard]] const Rect& quieter_rect() const noexcept { return m_quieter.rect; }
  [[nodiscard]] const Rect& louder_rect() const noexcept { return m_louder.rect; }

 private:
  enum class Glyph { play, pause, stop, minus, plus };
  struct Control {
    Rect rect{};
    TapTarget tap;
  };
  struct Widths {
    int play = 0, stop = 0, volume_button = 0, meter = 0;
  };

  [[nodiscard]] Widths widths(Measurer& measurer) const;
  [[nodiscard]] bool enabled(const Control& control) const;
  [[nodiscard]] std::string words(UiText key) const;
  void activate(const Control& control);
  void toggle_play();
  void render_control(Painter& painter, const Control& control, const std::string& label,
                      Glyph glyph) const;
  void render_meter(Painter& painter) const;

  const Theme& m_theme;
  ListenContext m_context;
  std::optional<ListenSource> m_source;
  std::optional<std::string> m_empty_text;
  Rect m_rect{};
  Rect m_status{};   // beside the buttons
  Rect m_message{};  // the whole bar, for "Chưa có bản đọc" and the like
  Rect m_meter{};
  Control m_play;
  Control m_stop;
  Control m_quieter;
  Control m_louder;
};

// Draws one of the bar's symbols centred in `box` (shared with the hear-again rows).
void draw_play_symbol(Painter& painter, const Rect& box, bool pause, Color color);

}  // namespace tinxa::kiosk::ui
