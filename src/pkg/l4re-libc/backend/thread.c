// SPDX-License-Identifier: MIT
/*
 * l4re-libc backend: threads.  musl's pthread_create calls __clone
 * (overlay: a jump to __l4re_clone) with the new thread's stack, TLS
 * pointer and tid addresses; we make an L4 kernel thread in our own task:
 * factory create_thread, control (pager and exception handler = our region
 * map, bound to this task with a UTCB of ours), ex_regs to
 * __l4libc_thread_start on that stack, then the scheduler runs it.  Exit
 * and join use musl's own mechanism: at exit the thread's clear_tid word is
 * zeroed and futex-woken (thread_exit.c), as Linux does.
 *
 * UTCBs come from the task's UTCB area (env->utcb_area, from
 * env->first_free_utcb on); when it is used up we reserve a region with
 * the region map and ask the kernel for more kernel-user memory there.
 */
#include <errno.h>
#include <sched.h>
#include <string.h>

#include <l4/re/c/rm.h>
#include <l4/sys/factory.h>
#include <l4/sys/irq.h>
#include <l4/sys/rcv_endpoint.h>
#include <l4/sys/scheduler.h>
#include <l4/sys/task.h>
#include <l4/sys/thread.h>

#include "backend.h"
#include "lock.h"
#include "thread.h"

/* A record and its exit stack share one allocation. */
#define REC_SIZE (4 * L4_PAGESIZE)
/* Grow the UTCB space by this much kernel-user memory at a time. */
#define KU_MEM_ORDER 14

static struct __l4libc_lock thread_lock;
/* protected by thread_lock */
static struct __l4libc_thread *threads;
static l4_addr_t utcb_next, utcb_end;

static int next_tid = L4LIBC_PID + 1;

static struct __l4libc_thread main_thread;
static char main_exit_stack[4096] __attribute__((aligned(16)));

void __l4libc_thread_init_main(void)
{
	l4re_env_t *env = __l4libc_env;

	main_thread.cap = env->main_thread;
	main_thread.utcb = l4_utcb();
	main_thread.exit_stack_top = main_exit_stack + sizeof(main_exit_stack);
	main_thread.is_main = 1;
	main_thread.tid = L4LIBC_PID;
	main_thread.state = L4LIBC_T_RUNNING;
	threads = &main_thread;
	l4_utcb_tcr()->user[0] = (l4_umword_t)&main_thread;

	utcb_next = env->first_free_utcb;
	utcb_end = l4_fpage_memaddr(env->utcb_area) + (1UL << l4_fpage_size(env->utcb_area));
}

long __l4libc_sys_gettid(void)
{
	return __l4libc_self()->tid;
}

long __l4libc_sys_set_tid_address(int *tidptr)
{
	struct __l4libc_thread *t = __l4libc_self();

	t->clear_tid = tidptr;
	return t->tid;
}

l4_cap_idx_t __l4libc_self_doorbell(void)
{
	struct __l4libc_thread *t = __l4libc_self();

	if (t->doorbell_bound)
		return t->doorbell;
	if (!t->doorbell) {
		l4_cap_idx_t irq = __l4libc_cap_alloc();

		if (l4_is_invalid_cap(irq) ||
		    l4_error(l4_factory_create_irq(__l4libc_env->factory, irq)) < 0) {
			/* Without a doorbell a futex wait becomes polling (timeouts still work). */
			return L4_INVALID_CAP;
		}
		t->doorbell = irq;
	}
	if (l4_error(l4_rcv_ep_bind_thread(t->doorbell, t->cap, 0)) < 0)
		return L4_INVALID_CAP;
	/* A ring meant for the record's previous thread must not wake us. */
	while (!l4_ipc_error(l4_irq_receive(t->doorbell, L4_IPC_RECV_TIMEOUT_0), l4_utcb()))
		;
	t->doorbell_bound = 1;
	return t->doorbell;
}

/* A UTCB address; thread_lock held.  0 when none can be had. */
static l4_addr_t utcb_alloc(void)
{
	l4_addr_t u;

	if (utcb_next + L4_UTCB_OFFSET > utcb_end) {
		l4_addr_t a = 0;

		if (l4re_rm_reserve_area(&a, 1UL << KU_MEM_ORDER, L4RE_RM_F_SEARCH_ADDR,
					 KU_MEM_ORDER) < 0)
			return 0;
		if (l4_error(l4_task_add_ku_mem(L4_BASE_TASK_CAP,
						l4_fpage(a, KU_MEM_ORDER, L4_FPAGE_RW))) < 0) {
			l4re_rm_free_area(a);
			return 0;
		}
		utcb_next = a;
		utcb_end = a + (1UL << KU_MEM_ORDER);
	}
	u = utcb_next;
	utcb_next += L4_UTCB_OFFSET;
	return u;
}

/* Is t's last kernel thread gone (so t can be reused)? */
static int thread_gone(struct __l4libc_thread *t)
{
	l4_msgtag_t tag = l4_task_cap_valid(L4_BASE_TASK_CAP, t->cap);

	return !l4_msgtag_has_error(tag) && l4_msgtag_label(tag) == 0;
}

/* A record for a new thread, state RUNNING; NULL when out of resources. */
static struct __l4libc_thread *rec_get(void)
{
	struct __l4libc_thread *t;

	__l4libc_lock(&thread_lock);
	for (t = threads; t; t = t->next) {
		if (t->is_main)
			continue;
		if (t->state == L4LIBC_T_FREE || (t->state == L4LIBC_T_EXITED && thread_gone(t))) {
			t->state = L4LIBC_T_RUNNING;
			__l4libc_unlock(&thread_lock);
			return t;
		}
	}
	t = __l4libc_pages_alloc(REC_SIZE);
	if (!t)
		goto fail;
	t->cap = __l4libc_cap_alloc();
	t->utcb = (l4_utcb_t *)utcb_alloc();
	if (l4_is_invalid_cap(t->cap) || !t->utcb) {
		/* Keep what we got for next time; the record is usable but for this. */
		if (l4_is_valid_cap(t->cap))
			__l4libc_cap_free(t->cap);
		__l4libc_sys_munmap(t, REC_SIZE);
		goto fail;
	}
	t->exit_stack_top = (char *)t + REC_SIZE;
	t->state = L4LIBC_T_RUNNING;
	t->next = threads;
	threads = t;
	__l4libc_unlock(&thread_lock);
	return t;
fail:
	__l4libc_unlock(&thread_lock);
	return NULL;
}

static void rec_put(struct __l4libc_thread *t)
{
	__l4libc_lock(&thread_lock);
	t->state = L4LIBC_T_FREE;
	__l4libc_unlock(&thread_lock);
}

void __l4libc_thread_exited(struct __l4libc_thread *t)
{
	__l4libc_lock(&thread_lock);
	t->state = L4LIBC_T_EXITED;
	__l4libc_unlock(&thread_lock);
}

int __l4re_clone(int (*fn)(void *), void *stack, int flags, void *arg, int *ptid, void *tls,
		 int *ctid)
{
	const int need = CLONE_VM | CLONE_THREAD | CLONE_SIGHAND;
	l4re_env_t *env = __l4libc_env;
	struct __l4libc_thread *t;
	l4_sched_param_t sp = l4_sched_param(L4LIBC_THREAD_PRIO, 0);
	unsigned long *top;
	long r;

	/* Only threads: there are no processes to fork or spawn this way. */
	if ((flags & need) != need)
		return -ENOSYS;
	t = rec_get();
	if (!t)
		return -EAGAIN;
	t->tid = __atomic_fetch_add(&next_tid, 1, __ATOMIC_RELAXED);
	t->clear_tid = (flags & CLONE_CHILD_CLEARTID) ? ctid : NULL;
	t->unmap_base = NULL;
	t->unmap_size = 0;
	t->doorbell_bound = 0;
	if (!(flags & CLONE_SETTLS))
		__asm__ volatile("mrs %0, tpidr_el0" : "=r"(tls));

	/* What __l4libc_thread_start expects at its stack pointer. */
	top = (unsigned long *)(((unsigned long)stack & ~15UL) - 32);
	top[0] = (unsigned long)fn;
	top[1] = (unsigned long)arg;
	top[2] = (unsigned long)tls;
	top[3] = (unsigned long)t;

	r = l4_error(l4_factory_create_thread(env->factory, t->cap));
	if (r < 0)
		goto fail;
	l4_thread_control_start();
	l4_thread_control_pager(env->rm);
	l4_thread_control_exc_handler(env->rm);
	l4_thread_control_bind(t->utcb, L4_BASE_TASK_CAP);
	r = l4_error(l4_thread_control_commit(t->cap));
	if (r < 0)
		goto fail_thread;
	l4_utcb_tcr_u(t->utcb)->user[0] = (l4_umword_t)t;

	if (flags & CLONE_PARENT_SETTID)
		*ptid = t->tid;
	if (flags & CLONE_CHILD_SETTID)
		*ctid = t->tid;

	r = l4_error(
		l4_thread_ex_regs(t->cap, (l4_addr_t)__l4libc_thread_start, (l4_addr_t)top, 0));
	if (r < 0)
		goto fail_thread;
	r = l4_error(l4_scheduler_run_thread(env->scheduler, t->cap, &sp));
	if (r < 0)
		goto fail_thread;
	return t->tid;

fail_thread:
	l4_task_delete_obj(L4_BASE_TASK_CAP, t->cap);
fail:
	rec_put(t);
	return r == -L4_ENOMEM ? -EAGAIN : __l4libc_l4err_to_errno(r);
}
