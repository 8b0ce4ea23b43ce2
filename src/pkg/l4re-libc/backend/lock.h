/* SPDX-License-Identifier: MIT */
/*
 * l4re-libc backend: the spin lock guarding its tables.  It cannot be a
 * futex-based lock because it is what futexes are built on.  Contention
 * yields the CPU (to the next thread of the same priority, which is where
 * every thread of a program runs), so a preempted holder gets to finish.
 */
#ifndef L4RE_LIBC_LOCK_H
#define L4RE_LIBC_LOCK_H

#include <l4/sys/thread.h>

struct __l4libc_lock {
	int held;
};

static inline void __l4libc_lock(struct __l4libc_lock *l)
{
	while (__atomic_exchange_n(&l->held, 1, __ATOMIC_ACQUIRE))
		l4_thread_yield();
}

static inline void __l4libc_unlock(struct __l4libc_lock *l)
{
	__atomic_store_n(&l->held, 0, __ATOMIC_RELEASE);
}

#endif
