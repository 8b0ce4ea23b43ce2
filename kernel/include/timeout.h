/* SPDX-License-Identifier: MIT */
/*
 * IPC timeouts: threads with a deadline, sorted by it.  The tick handler
 * expires what is due.  Deadlines are in generic-timer ticks.
 */
#ifndef KERNEL_TIMEOUT_H
#define KERNEL_TIMEOUT_H

#include <thread.h>
#include <types.h>

struct thread;

enum timeout_kind { TIMEOUT_NEVER, TIMEOUT_ZERO, TIMEOUT_AT };

void timeout_set(struct thread *t, uint64_t deadline);
void timeout_expire(uint64_t now);
/*
 * Decode an L4 16-bit timeout (docs/abi.md §3).  An absolute one names the
 * buffer register in br holding its KIP-clock deadline.  For TIMEOUT_AT,
 * *deadline is in counter ticks.
 */
enum timeout_kind timeout_decode(unsigned int l4to, const unsigned long *br, uint64_t *deadline);

static inline void timeout_cancel(struct thread *t)
{
	if (list_linked(&t->timeout_node))
		list_del(&t->timeout_node);
}

#endif
