// SPDX-License-Identifier: MIT
/*
 * The timeout queue, sorted by deadline (insertion is linear; the queue
 * holds only threads blocked with a finite timeout, a handful in practice).
 */
#include <arch/irqchip.h>
#include <ipc.h>
#include <list.h>
#include <thread.h>
#include <percpu.h>
#include <timeout.h>
#include <l4/sys/utcb.h>

#define queue (this_cpu()->timeouts)

void timeout_set(struct thread *t, uint64_t deadline)
{
	struct list *pos;

	timeout_cancel(t);
	t->deadline = deadline;
	for (pos = queue.next; pos != &queue; pos = pos->next) {
		if (container_of(pos, struct thread, timeout_node)->deadline > deadline)
			break;
	}
	list_add_tail(pos, &t->timeout_node);
}

void timeout_expire(uint64_t now)
{
	while (!list_empty(&queue)) {
		struct thread *t = list_first(&queue, struct thread, timeout_node);

		if (t->deadline > now)
			break;
		list_del(&t->timeout_node);
		ipc_timeout(t);
	}
}

static uint64_t us_to_ticks(uint64_t us)
{
	uint64_t f = timer_freq();

	return (us / 1000000) * f + ((us % 1000000) * f) / 1000000;
}

/*
 * Relative: m = bits 0..9, e = bits 10..14, m * 2^e microseconds; 0 means
 * never, m == 0 with e != 0 means zero.  Absolute (bit 15): bits 0..5 name
 * the buffer register with the deadline in KIP-clock microseconds.
 */
enum timeout_kind timeout_decode(unsigned int l4to, const unsigned long *br, uint64_t *deadline)
{
	unsigned int m = l4to & 0x3ff, e = (l4to >> 10) & 0x1f;
	uint64_t now;

	if (!l4to)
		return TIMEOUT_NEVER; /* the common case: no clock read */
	now = timer_now();
	if (l4to & 0x8000) {
		/* Only real buffer registers may hold a deadline; others mean "now". */
		if ((l4to & 0x3f) >= L4_UTCB_GENERIC_BUFFERS_SIZE)
			return TIMEOUT_ZERO;
		*deadline = us_to_ticks(br[l4to & 0x3f]);
		return *deadline <= now ? TIMEOUT_ZERO : TIMEOUT_AT;
	}
	if (m == 0)
		return TIMEOUT_ZERO;
	*deadline = now + us_to_ticks((uint64_t)m << e);
	return TIMEOUT_AT;
}
