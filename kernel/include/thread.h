/* SPDX-License-Identifier: MIT */
/*
 * Threads: a kernel stack with the user register frame on top, the binding
 * to a task and UTCB, scheduling parameters and IPC state.  Field groups are
 * noted with what protects/changes them (single CPU, interrupts off in the
 * kernel: "owner" means only the thread itself while running).
 */
#ifndef KERNEL_THREAD_H
#define KERNEL_THREAD_H

#include <arch/regs.h>
#include <kobject.h>
#include <list.h>

struct task;
struct irq;

enum thread_state {
	TS_INACTIVE = 0, /* created, not yet started (no ex_regs) */
	TS_READY,	 /* runnable (running or on a ready queue) */
	TS_SEND_WAIT,	 /* blocked in the send phase, on partner->senders */
	TS_RECV_WAIT,	 /* blocked in the receive phase */
	TS_DEAD,	 /* destroyed */
};

/* What the kernel expects back when the thread waits on its own behalf. */
enum thread_kwait {
	KW_NONE = 0,
	KW_PAGEFAULT, /* reply: map items into the whole space */
	KW_EXCEPTION, /* reply: the new user register state */
};

struct thread {
	struct kobject obj;

	/* context: owner */
	struct kctx ctx;
	void *kstack; /* one page; the trap frame sits at its top */
	struct trap_frame *tf;
	struct fpu_state fpu;
	unsigned long tpidr_el0;

	/* binding: changed by thread_control */
	struct task *task; /* reference held */
	struct list task_node;
	vaddr_t utcb_uaddr;
	void *utcb;	/* kernel address of the UTCB, NULL if unbound */
	uint64_t pager; /* capability indices in task's table */
	uint64_t exc_handler;

	/* scheduling */
	enum thread_state state;
	uint8_t prio;
	uint32_t quantum; /* ticks per slice */
	uint32_t left;	  /* ticks left in this slice */
	bool has_pc;	  /* ex_regs gave it a pc */
	bool scheduled;	  /* run_thread gave it to the scheduler */
	struct list rq_node;
	uint64_t run_ticks; /* consumed ticks (statistics) */

	/* IPC */
	struct list senders;	   /* threads in TS_SEND_WAIT towards me */
	struct list send_node;	   /* on partner->senders */
	struct thread *partner;	   /* send target, or closed-receive source */
	struct irq *rcv_irq;	   /* closed receive on an Irq */
	bool open_wait;		   /* receive phase accepts any sender */
	bool recv_after_send;	   /* call / send-and-wait pending */
	unsigned long snd_label;   /* label the receiver gets */
	struct thread *caller;	   /* whom my next reply goes to */
	struct list reply_waiters; /* threads waiting for my reply */
	struct list reply_node;
	struct list pending_irqs; /* Irqs triggered while I was not receiving */
	enum thread_kwait kwait;
	bool kwait_exception;	  /* the pager asked to turn the fault into an exception */
	bool trigger_exception;	  /* ex_regs asked for an exception IPC before user mode */
	unsigned long fault_addr; /* page-fault word (pfa | write/exec bits) */
	unsigned long fault_esr;  /* syndrome of the pending exception */
	unsigned long fault_far;

	/* timeout: on the timeout queue while linked */
	struct list timeout_node;
	uint64_t deadline;
};

static inline struct thread *to_thread(struct kobject *o)
{
	return container_of(o, struct thread, obj);
}

struct thread *thread_create(struct factory *quota);
void thread_destroy(struct thread *t);
void thread_free(struct thread *t);
/* Bind to task t with the UTCB at user address utcb; -L4_E* on error. */
int thread_bind(struct thread *th, struct task *t, vaddr_t utcb);
/* Make th runnable if it is bound, has a pc and was given to the scheduler. */
void thread_try_start(struct thread *th);
void thread_reap(void);

/* At the bottom of every kernel stack; checked when a thread leaves the CPU. */
#define KSTACK_CANARY 0x4c34526563535443UL

#include <percpu.h>

#endif
