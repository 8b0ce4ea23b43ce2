/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for <l4/sys/thread.h> in the l4re-libc backend's unit
 * tests (test_l4libc_*.c): the backend's spin lock only needs a yield,
 * and the tests are single-threaded, so it is never contended.
 */
#ifndef L4LIBC_STUB_THREAD_H
#define L4LIBC_STUB_THREAD_H

static inline int l4_thread_yield(void)
{
	return 0;
}

#endif
