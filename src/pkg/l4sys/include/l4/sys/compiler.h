/* SPDX-License-Identifier: MIT */
/*
 * Compiler glue for the L4 system API headers.
 *
 * L4Re's headers decorate every function with a handful of macros
 * (L4_INLINE, L4_NOTHROW, L4_BEGIN_DECLS, ...). Programs written against
 * L4Re use some of them directly, so we provide the same names. Our headers
 * are C only and must compile in the freestanding kernel as well, so every
 * macro maps onto plain GCC/C11 features.
 */
#ifndef L4_SYS_COMPILER_H
#define L4_SYS_COMPILER_H

/* Every API function is a static inline: no library needed to use them. */
#define L4_INLINE static inline
#define L4_ALWAYS_INLINE static inline __attribute__((always_inline))

/* C has no exceptions; the C++ specifiers of L4Re collapse to nothing. */
#define L4_NOTHROW
#define L4_NOTHROW__
#define L4_CONSTEXPR
#define L4_DEFAULT_PARAM(x)
#define L4_CV

#define L4_BEGIN_DECLS
#define L4_END_DECLS
#define EXTERN_C_BEGIN
#define EXTERN_C_END
#define EXTERN_C
/* Some C libraries define these in <sys/cdefs.h>; do not fight them. */
#ifndef __BEGIN_DECLS
#define __BEGIN_DECLS
#endif
#ifndef __END_DECLS
#define __END_DECLS
#endif

#define L4_PURE __attribute__((pure))
#define L4_NORETURN __attribute__((noreturn))
#define L4_NOINSTRUMENT __attribute__((no_instrument_function))
#define L4_EXPORT __attribute__((visibility("default")))
#define L4_HIDDEN __attribute__((visibility("hidden")))
#define L4_STICKY(x) __attribute__((used)) x
#define L4_DEPRECATED(s) __attribute__((deprecated(s)))
#define L4_MAYBE_UNUSED __attribute__((unused))

#define L4_LIKELY(x) __builtin_expect(!!(x), 1)
#define L4_UNLIKELY(x) __builtin_expect(!!(x), 0)

#define L4_stringify_helper(x) #x
#define L4_stringify(x) L4_stringify_helper(x)

#endif /* L4_SYS_COMPILER_H */
