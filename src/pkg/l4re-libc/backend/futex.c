// SPDX-License-Identifier: MIT
/*
 * l4re-libc backend: the futex system call musl's threads are built on
 * (mutexes, condition variables, join, the thread list lock).  WAIT checks
 * the word and queues the caller in the futex table under one lock, then
 * sleeps on its doorbell, an IRQ object bound to the thread (thread.c);
 * WAKE dequeues waiters under the lock and triggers their doorbells after
 * dropping it.  The _PRIVATE variants are the same thing: every futex is
 * private to the process here.  An IRQ remembers one trigger, so a ring
 * that comes before the waiter blocks is not lost.
 */
#include <errno.h>
#include <limits.h>

#include <l4/sys/ipc.h>
#include <l4/sys/irq.h>

#include "backend.h"
#include "futex_table.h"
#include "lock.h"

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_REQUEUE 3
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_PRIVATE 128
#define FUTEX_CLOCK_REALTIME 256

static struct __l4libc_lock futex_lock;
static struct __l4libc_futex_table futex_table; /* protected by futex_lock */

/* Doorbells rung per round: wake-all of many waiters takes several rounds. */
#define WAKE_BATCH 16

static int wake_n(const volatile int *addr, int n)
{
	unsigned long bells[WAKE_BATCH];
	int woken = 0, k;

	do {
		__l4libc_lock(&futex_lock);
		k = __l4libc_futex_dequeue(&futex_table, addr, n - woken, bells, WAKE_BATCH);
		__l4libc_unlock(&futex_lock);
		for (int i = 0; i < k; i++)
			l4_irq_trigger(bells[i]);
		woken += k;
	} while (k == WAKE_BATCH && woken < n);
	return woken;
}

int __l4libc_futex_wake(int *addr, int n)
{
	return wake_n(addr, n);
}

static long futex_wait(int *uaddr, int val, const struct timespec *to)
{
	struct __l4libc_futex_waiter w = { .doorbell = __l4libc_self_doorbell() };
	uint64_t deadline = 0;
	int removed;

	if (to) {
		if (to->tv_sec < 0 || to->tv_nsec < 0 || to->tv_nsec >= 1000000000)
			return -EINVAL;
		deadline = __l4libc_now_us() + (uint64_t)to->tv_sec * 1000000 +
			   (to->tv_nsec + 999) / 1000;
	}
	__l4libc_lock(&futex_lock);
	if (__atomic_load_n(uaddr, __ATOMIC_SEQ_CST) != val) {
		__l4libc_unlock(&futex_lock);
		return -EAGAIN;
	}
	__l4libc_futex_enqueue(&futex_table, &w, uaddr);
	__l4libc_unlock(&futex_lock);

	for (;;) {
		l4_timeout_s t = L4_IPC_TIMEOUT_NEVER;
		l4_msgtag_t tag;
		uint64_t now;

		if (to) {
			now = __l4libc_now_us();
			t = now >= deadline ? L4_IPC_TIMEOUT_0 :
					      __l4libc_timeout_rel(deadline - now);
		}
		if (l4_is_invalid_cap(w.doorbell)) {
			/* No doorbell (out of kernel memory): poll every millisecond. */
			now = __l4libc_now_us();
			if (!to || deadline - now > 1000)
				t = __l4libc_timeout_rel(1000);
		}
		tag = l4_irq_receive(w.doorbell, l4_timeout(L4_IPC_TIMEOUT_NEVER, t));
		if (!l4_ipc_error(tag, l4_utcb())) {
			if (!w.queued)
				return 0;
			continue; /* a ring left over from an earlier wait: not for us */
		}
		if (!w.queued)
			break; /* woken while the receive timed out */
		if (!to || __l4libc_now_us() < deadline)
			continue; /* a step of a long timeout, or a canceled IPC */
		__l4libc_lock(&futex_lock);
		removed = __l4libc_futex_remove(&futex_table, &w);
		__l4libc_unlock(&futex_lock);
		if (removed)
			return -ETIMEDOUT;
		break;
	}
	/* A waker dequeued us; take its ring so that it is not left over. */
	if (l4_is_valid_cap(w.doorbell))
		l4_irq_receive(w.doorbell, L4_IPC_NEVER);
	return 0;
}

static long futex_requeue(int *uaddr, int nwake, int nmove, int *uaddr2, int cmp, int check)
{
	int woken, moved;

	if (check) {
		__l4libc_lock(&futex_lock);
		if (__atomic_load_n(uaddr, __ATOMIC_SEQ_CST) != cmp) {
			__l4libc_unlock(&futex_lock);
			return -EAGAIN;
		}
		__l4libc_unlock(&futex_lock);
	}
	woken = wake_n(uaddr, nwake);
	__l4libc_lock(&futex_lock);
	moved = __l4libc_futex_requeue(&futex_table, uaddr, uaddr2, nmove);
	__l4libc_unlock(&futex_lock);
	return woken + moved;
}

long __l4libc_sys_futex(int *uaddr, int op, int val, const struct timespec *to, int *uaddr2,
			int val3)
{
	switch (op & ~(FUTEX_PRIVATE | FUTEX_CLOCK_REALTIME)) {
	case FUTEX_WAIT:
		return futex_wait(uaddr, val, to);
	case FUTEX_WAKE:
		return val <= 0 ? 0 : wake_n(uaddr, val);
	case FUTEX_REQUEUE:
		/* The 4th argument is the number to move, not a timeout. */
		return futex_requeue(uaddr, val, (int)(long)to, uaddr2, 0, 0);
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, val, (int)(long)to, uaddr2, val3, 1);
	default:
		return -ENOSYS; /* PI futexes, bitsets, WAKE_OP */
	}
}
