/* SPDX-License-Identifier: MIT */
/*
 * Fixed-width integer types of the L4 API (AArch64, LP64).
 *
 * L4Re names its scalar types l4_uint32_t, l4_umword_t and so on; the names
 * are part of the API. They are defined from the compiler's builtin type
 * macros so that nothing beyond the compiler is needed (the kernel includes
 * these headers with -nostdinc).
 */
#ifndef L4_SYS_L4INT_H
#define L4_SYS_L4INT_H

typedef signed char l4_int8_t;
typedef unsigned char l4_uint8_t;
typedef signed short l4_int16_t;
typedef unsigned short l4_uint16_t;
typedef signed int l4_int32_t;
typedef unsigned int l4_uint32_t;
typedef signed long long l4_int64_t;
typedef unsigned long long l4_uint64_t;

/* A machine word is 64 bits; L4Re uses (unsigned) long for it. */
typedef signed long l4_mword_t;
typedef unsigned long l4_umword_t;
typedef unsigned long l4_addr_t;
typedef unsigned long l4_size_t;
typedef signed long l4_ssize_t;
typedef __UINTPTR_TYPE__ l4_uintptr_t;

/* Kernel time values are microseconds (see kip.h). */
typedef l4_uint64_t l4_cpu_time_t;
typedef l4_uint64_t l4_kernel_clock_t;

#define L4_MWORD_BITS 64

_Static_assert(sizeof(l4_umword_t) == 8, "L4ReC is LP64 only");
_Static_assert(sizeof(l4_uint64_t) == 8, "64-bit type");

#endif /* L4_SYS_L4INT_H */
