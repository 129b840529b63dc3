// LeakSanitizer suppressions for this test executable, read by the sanitizer runtime at exit.
//
// libsndfile 1.2.0 leaks one vorbis_info (about 6 KiB) when it rejects an OGG Vorbis file at
// open after parsing its headers, e.g. a file cut short: ogg_vorbis_open returns the error before
// installing the codec's close hook, so vorbis_info_clear never runs. The leak is in the library,
// once per rejected file; the suppression names only that allocation site.

extern "C" {
// NOLINTNEXTLINE(bugprone-reserved-identifier): the name is the sanitizer runtime's hook.
const char* __lsan_default_suppressions();
const char* __lsan_default_suppressions() { return "leak:vorbis_info_init\n"; }
}
