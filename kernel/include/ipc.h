/* SPDX-License-Identifier: MIT */
/*
 * Synchronous IPC between threads (docs/abi.md §1-5): send, receive, call,
 * reply-and-wait, with timeouts, typed items, and messages the kernel sends
 * on a thread's behalf (page faults, exceptions, IRQs).
 */
#ifndef KERNEL_IPC_H
#define KERNEL_IPC_H

#include <types.h>

struct thread;
struct trap_frame;
struct irq;

/* The syscall: everything enters through here. */
void sys_invoke(struct trap_frame *tf);
/* Send the kernel message of t (t->kwait says which) to cap of t's task and wait for the reply. */
void ipc_kernel_call(struct thread *t, uint64_t cap);
/* Cancel every IPC relation of t (deletion, ex_regs cancel). */
void ipc_abort(struct thread *t);
void ipc_cancel(struct thread *t);
/* Timeout of t expired. */
void ipc_timeout(struct thread *t);
/* Offer an IRQ message to its bound thread; false if it must stay pending. */
bool ipc_deliver_irq(struct thread *t, struct irq *irq);

/*
 * Carry out the items of a message from snd to rcv (all checked before any
 * is mapped); the receiver's item words go to rmr unless it is NULL.
 * Returns 0 or a send-phase IPC error code.
 */
unsigned int ipc_transfer_items(struct thread *snd, struct thread *rcv, const unsigned long *smr,
				unsigned long *rmr, unsigned int words, unsigned int items);

/* UTCB views of a thread. */
unsigned long *utcb_mr(struct thread *t);
unsigned long *utcb_br(struct thread *t); /* br[0] (bdr is one word before) */
unsigned long *utcb_tcr(struct thread *t);

#endif
