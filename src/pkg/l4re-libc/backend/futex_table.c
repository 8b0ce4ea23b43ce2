// SPDX-License-Identifier: MIT
/*
 * l4re-libc backend: the futex table (futex_table.h).  Buckets are singly
 * linked lists in arrival order; the number of threads waiting at once is
 * small, so a walk per operation is cheap.
 */
#include <stddef.h>

#include "futex_table.h"

static struct __l4libc_futex_waiter **bucket(struct __l4libc_futex_table *t,
					     const volatile int *addr)
{
	uint64_t h = ((uintptr_t)addr >> 2) * 0x9e3779b97f4a7c15ULL;

	return &t->head[h >> (64 - 6)];
}

_Static_assert(L4LIBC_FUTEX_BUCKETS == 1 << 6, "bucket() takes the top 6 bits");

void __l4libc_futex_enqueue(struct __l4libc_futex_table *t, struct __l4libc_futex_waiter *w,
			    const volatile int *addr)
{
	struct __l4libc_futex_waiter **pp = bucket(t, addr);

	while (*pp)
		pp = &(*pp)->next;
	w->addr = addr;
	w->next = NULL;
	w->queued = 1;
	*pp = w;
}

int __l4libc_futex_dequeue(struct __l4libc_futex_table *t, const volatile int *addr, int n,
			   unsigned long *out, int max)
{
	struct __l4libc_futex_waiter **pp = bucket(t, addr), *w;
	int k = 0;

	while ((w = *pp) && k < n && k < max) {
		if (w->addr != addr) {
			pp = &w->next;
			continue;
		}
		*pp = w->next;
		out[k++] = w->doorbell;
		w->next = NULL;
		w->queued = 0;
	}
	return k;
}

int __l4libc_futex_remove(struct __l4libc_futex_table *t, struct __l4libc_futex_waiter *w)
{
	struct __l4libc_futex_waiter **pp;

	if (!w->queued)
		return 0;
	for (pp = bucket(t, w->addr); *pp; pp = &(*pp)->next) {
		if (*pp == w) {
			*pp = w->next;
			w->next = NULL;
			w->queued = 0;
			return 1;
		}
	}
	return 0;
}

int __l4libc_futex_requeue(struct __l4libc_futex_table *t, const volatile int *addr,
			   const volatile int *addr2, int n)
{
	struct __l4libc_futex_waiter **pp = bucket(t, addr), *w, *moved = NULL, **tail = &moved;
	int k = 0;

	if (addr == addr2)
		return 0;
	/* Collect in order, then append to addr2's bucket in the same order. */
	while ((w = *pp) && k < n) {
		if (w->addr != addr) {
			pp = &w->next;
			continue;
		}
		*pp = w->next;
		w->next = NULL;
		*tail = w;
		tail = &w->next;
		k++;
	}
	while ((w = moved)) {
		moved = w->next;
		__l4libc_futex_enqueue(t, w, addr2);
	}
	return k;
}
