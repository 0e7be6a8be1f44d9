// Linked into the command only when it runs on mimalloc (SMSREG_MIMALLOC).
//
// mimalloc as Debian builds it (in C) aborts the process when operator new
// cannot get memory, where the standard's throws std::bad_alloc. The
// validator turns std::bad_alloc into an INPUT_TOO_LARGE finding (INTERFACE:
// no crash on any input), so the command replaces the throwing forms with
// ones that ask malloc, which is mimalloc's and returns null when the memory
// is not there, and throw. The nothrow and aligned forms stay mimalloc's;
// operator delete stays mimalloc's free, which owns what malloc returned.
#include <cstdlib>
#include <new>

void* operator new(std::size_t size) {
  if (void* p = std::malloc(size != 0 ? size : 1)) return p;
  throw std::bad_alloc();
}

void* operator new[](std::size_t size) { return ::operator new(size); }
