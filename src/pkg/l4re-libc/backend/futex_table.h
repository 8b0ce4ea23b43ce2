/* SPDX-License-Identifier: MIT */
/*
 * l4re-libc backend: the per-process futex table, the bookkeeping half of
 * futex WAIT/WAKE/REQUEUE (futex.c does the locking and the sleeping).  A
 * waiter is a record on the waiting thread's stack, queued FIFO in a
 * bucket by the futex address; waking dequeues waiters and reports their
 * doorbells, which the caller rings after dropping the lock.  Pure data
 * structure code, tested on the host (tests/unit/test_l4libc_futex.c).
 */
#ifndef L4RE_LIBC_FUTEX_TABLE_H
#define L4RE_LIBC_FUTEX_TABLE_H

#include <stdint.h>

#define L4LIBC_FUTEX_BUCKETS 64

struct __l4libc_futex_waiter {
	struct __l4libc_futex_waiter *next;
	const volatile int *addr;
	unsigned long doorbell; /* what wakes this waiter (an IRQ capability) */
	/* Cleared by the waker when it dequeues the waiter (table lock held). */
	volatile int queued;
};

struct __l4libc_futex_table {
	struct __l4libc_futex_waiter *head[L4LIBC_FUTEX_BUCKETS];
};

/* Queue w as the last waiter on addr. */
void __l4libc_futex_enqueue(struct __l4libc_futex_table *t, struct __l4libc_futex_waiter *w,
			    const volatile int *addr);

/*
 * Dequeue up to min(n, max) waiters on addr, oldest first, storing their
 * doorbells in out[]; returns how many.
 */
int __l4libc_futex_dequeue(struct __l4libc_futex_table *t, const volatile int *addr, int n,
			   unsigned long *out, int max);

/* Take w out if it is still queued (a timed-out waiter); 1 if it was. */
int __l4libc_futex_remove(struct __l4libc_futex_table *t, struct __l4libc_futex_waiter *w);

/* Move up to n waiters from addr to addr2 (they stay asleep); how many. */
int __l4libc_futex_requeue(struct __l4libc_futex_table *t, const volatile int *addr,
			   const volatile int *addr2, int n);

#endif
