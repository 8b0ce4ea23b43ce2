/* SPDX-License-Identifier: MIT */
/*
 * l4re-libc backend: the record it keeps per kernel thread (musl keeps
 * its own struct pthread; this is what lies below it).  A thread finds its
 * record through TCR user[0] of its UTCB.  Records are never freed: an
 * exited thread's record, with its UTCB, doorbell IRQ and exit stack, is
 * reused for a later thread once the kernel has deleted the old one.
 */
#ifndef L4RE_LIBC_THREAD_H
#define L4RE_LIBC_THREAD_H

#include <stddef.h>

#include <l4/sys/utcb.h>

enum __l4libc_thread_state {
	L4LIBC_T_FREE,	  /* reusable now (thread creation failed) */
	L4LIBC_T_RUNNING, /* a kernel thread runs on it */
	L4LIBC_T_EXITED,  /* exiting: reusable once its thread capability is gone */
};

struct __l4libc_thread {
	/* fixed for the life of the record */
	l4_cap_idx_t cap; /* slot of the kernel thread (a new one on each reuse) */
	l4_utcb_t *utcb;
	char *exit_stack_top; /* where the thread ends its life (thread_exit.c) */
	int is_main;	      /* the initial thread: never reused */
	/* set before the thread runs, then the thread's own */
	int tid;
	int *clear_tid;	  /* set_tid_address/CLONE_CHILD_CLEARTID: zeroed + woken at exit */
	void *unmap_base; /* __unmapself: the stack to free at exit */
	size_t unmap_size;
	l4_cap_idx_t doorbell; /* futex wake-ups (an IRQ), made on first use */
	int doorbell_bound;    /* bound to the current kernel thread */
	/* protected by the thread lock */
	enum __l4libc_thread_state state;
	struct __l4libc_thread *next;
};

static inline struct __l4libc_thread *__l4libc_self(void)
{
	return (struct __l4libc_thread *)l4_utcb_tcr()->user[0];
}

/* thread.c */
void __l4libc_thread_exited(struct __l4libc_thread *t);

/* thread_start.S: run fn(arg) on the stack ending at top; does not return. */
_Noreturn void __l4libc_call_on_stack(void *top, void (*fn)(void *), void *arg);
/* thread_start.S: first code of a new thread (see __l4re_clone). */
void __l4libc_thread_start(void);

#endif
