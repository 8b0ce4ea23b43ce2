// SPDX-License-Identifier: MIT
/*
 * The timeout queue, sorted by deadline (insertion is linear; the queue
 * holds only threads blocked with a finite timeout, a handful in practice).
 */
#include <arch/irqchip.h>
#include <ipc.h>
#include <list.h>
#include <thread.h>
#include <timeout.h>

static struct list queue = LIST_INIT(queue);

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

void timeout_cancel(struct thread *t)
{
	if (list_linked(&t->timeout_node))
		list_del(&t->timeout_node);
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

/*
 * L4 relative timeout: 16 bits, m = bits 0..9, e = bits 10..14, value
 * m * 2^e microseconds; 0 means never, m == 0 with e != 0 means zero.
 * Absolute timeouts (bit 15) are not supported and count as zero.
 */
bool timeout_deadline(unsigned int l4to, uint64_t now, uint64_t *deadline, bool *zero)
{
	unsigned int m = l4to & 0x3ff, e = (l4to >> 10) & 0x1f;
	uint64_t us, f = timer_freq();

	*zero = false;
	if (l4to == 0)
		return false;
	if ((l4to & 0x8000) || m == 0) {
		*zero = true;
		return true;
	}
	us = (uint64_t)m << e;
	*deadline = now + (us / 1000000) * f + ((us % 1000000) * f) / 1000000;
	return true;
}
