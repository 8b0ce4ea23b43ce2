/* SPDX-License-Identifier: MIT */
/*
 * IPC timeouts: threads with a deadline, sorted by it.  The tick handler
 * expires what is due.  Deadlines are in generic-timer ticks.
 */
#ifndef KERNEL_TIMEOUT_H
#define KERNEL_TIMEOUT_H

#include <types.h>

struct thread;

void timeout_set(struct thread *t, uint64_t deadline);
void timeout_cancel(struct thread *t);
void timeout_expire(uint64_t now);
/* Convert an L4 16-bit relative timeout to a deadline; false for "never". */
bool timeout_deadline(unsigned int l4to, uint64_t now, uint64_t *deadline, bool *zero);

#endif
