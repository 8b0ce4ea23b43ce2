/* SPDX-License-Identifier: MIT */
/*
 * Operations on kernel objects (docs/abi.md §7): the dispatcher and the
 * per-object handlers.  A handler reads the caller's MRs, may write reply
 * MRs (setting *words), and returns the reply label (>= 0 or -L4_E*).
 */
#ifndef KERNEL_KOBJ_INVOKE_H
#define KERNEL_KOBJ_INVOKE_H

#include <kobject.h>
#include <l4/sys/types.h>
#include <types.h>

struct thread;
struct mapnode;
struct kobject;
struct irq;

/*
 * The tag label tells an operation on a thread or gate from ordinary IPC to
 * it; every message to any other kernel object is an operation.  Inline: it
 * is asked on every IPC.
 */
static inline bool kobj_is_operation(const struct kobject *o, unsigned long tag)
{
	long label = (long)tag >> 16;

	switch (o->type) {
	case KOBJ_THREAD:
		return label == L4_PROTO_THREAD;
	case KOBJ_GATE:
		return label == L4_PROTO_KOBJECT;
	default:
		return true;
	}
}
void kobj_operation(struct thread *cur, struct mapnode *n, unsigned long tag, unsigned int flags,
		    unsigned int to_rcv);
/* Finish an operation: reply, or go on with the receive phase. */
void ipc_after_operation(struct thread *cur, long result, unsigned int words, unsigned int flags,
			 unsigned int to_rcv, struct irq *then_from);
/* The object named by item k (after `words` words) in the caller's table, or NULL. */
struct kobject *item_object(struct thread *cur, const unsigned long *mr, unsigned int words,
			    unsigned int k);

long task_invoke(struct thread *cur, struct mapnode *n, unsigned long tag, unsigned int *words);
long thread_invoke(struct thread *cur, struct mapnode *n, unsigned long tag, unsigned int *words);
long factory_invoke(struct thread *cur, struct mapnode *n, unsigned long tag);
long icu_invoke(struct thread *cur, unsigned long tag, unsigned int *words);
long sched_invoke(struct thread *cur, unsigned long tag, unsigned int *words);
long vlog_invoke(struct thread *cur, unsigned long tag, unsigned int *words);
long debugger_invoke(struct thread *cur, unsigned long tag);

#endif
