/* Marks the symbols of libsmsreg's public API (C and C++). The library is
 * compiled with hidden visibility, so everything not marked stays inside it;
 * a linker version script (cmake/libsmsreg.map) then drops template code the
 * compiler still exported. Plain C, so smsreg.h can include it. */
#ifndef SMSREG_EXPORT_H
#define SMSREG_EXPORT_H

#if defined(_WIN32)
#if defined(SMSREG_BUILDING_SHARED)
#define SMSREG_API __declspec(dllexport)
#elif defined(SMSREG_USING_SHARED)
#define SMSREG_API __declspec(dllimport)
#else
#define SMSREG_API
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define SMSREG_API __attribute__((visibility("default")))
#else
#define SMSREG_API
#endif

#endif /* SMSREG_EXPORT_H */
