/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_PANIC_H
#define KERNEL_PANIC_H

/* Only for states boot cannot go on from, or kernel invariants broken. */
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#define BUG_ON(c)                                                          \
	do {                                                               \
		if (unlikely(c))                                           \
			panic("BUG: %s at %s:%d", #c, __FILE__, __LINE__); \
	} while (0)

#endif
