#pragma once

// Replaces the global operator new and delete with versions that count calls made while
// g_armed is set, so a test can prove a real-time path allocates and frees nothing. Include it in
// exactly ONE translation unit of a test executable (it defines the replaceable functions).

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace tinxa::alloc_test {

inline std::atomic<bool> g_armed{false};
inline std::atomic<std::uint64_t> g_allocations{0};
inline std::atomic<std::uint64_t> g_frees{0};

inline void* counted_allocate(std::size_t size, std::size_t alignment = 0) {
  if (g_armed.load(std::memory_order_relaxed)) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
  }
  if (size == 0) {
    size = 1;
  }
  void* memory = alignment > alignof(std::max_align_t)
                     ? std::aligned_alloc(alignment, (size + alignment - 1) / alignment * alignment)
                     : std::malloc(size);
  if (memory == nullptr) {
    throw std::bad_alloc{};
  }
  return memory;
}

inline void counted_free(void* memory) noexcept {
  if (memory != nullptr && g_armed.load(std::memory_order_relaxed)) {
    g_frees.fetch_add(1, std::memory_order_relaxed);
  }
  std::free(memory);
}

}  // namespace tinxa::alloc_test

// The replaceable global allocation functions ([new.delete]); every form routes to the two above.
void* operator new(std::size_t size) { return tinxa::alloc_test::counted_allocate(size); }
void* operator new[](std::size_t size) { return tinxa::alloc_test::counted_allocate(size); }
void* operator new(std::size_t size, std::align_val_t alignment) {
  return tinxa::alloc_test::counted_allocate(size, static_cast<std::size_t>(alignment));
}
void* operator new[](std::size_t size, std::align_val_t alignment) {
  return tinxa::alloc_test::counted_allocate(size, static_cast<std::size_t>(alignment));
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return tinxa::alloc_test::counted_allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return tinxa::alloc_test::counted_allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* memory) noexcept { tinxa::alloc_test::counted_free(memory); }
void operator delete[](void* memory) noexcept { tinxa::alloc_test::counted_free(memory); }
void operator delete(void* memory, std::size_t) noexcept {
  tinxa::alloc_test::counted_free(memory);
}
void operator delete[](void* memory, std::size_t) noexcept {
  tinxa::alloc_test::counted_free(memory);
}
void operator delete(void* memory, std::align_val_t) noexcept {
  tinxa::alloc_test::counted_free(memory);
}
void operator delete[](void* memory, std::align_val_t) noexcept {
  tinxa::alloc_test::counted_free(memory);
}
void operator delete(void* memory, std::size_t, std::align_val_t) noexcept {
  tinxa::alloc_test::counted_free(memory);
}
void operator delete[](void* memory, std::size_t, std::align_val_t) noexcept {
  tinxa::alloc_test::counted_free(memory);
}
