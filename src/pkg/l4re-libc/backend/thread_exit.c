// SPDX-License-Identifier: MIT
/*
 * l4re-libc backend: the end of a thread.  musl's pthread_exit ends with
 * SYS_exit (or __unmapself for a detached thread, whose stack must be
 * freed by somebody not running on it).  Once the thread's clear_tid word
 * is zeroed a joiner may free the thread's stack at once, so the last steps
 * run on the record's own exit stack: free the detached stack, zero and
 * futex-wake clear_tid, mark the record exited and delete our own kernel
 * thread.  The record is reused once the kernel has deleted the thread.
 */
#include <l4/sys/ipc.h>
#include <l4/sys/task.h>

#include "backend.h"
#include "thread.h"

static _Noreturn void exit_on_own_stack(void *p)
{
	struct __l4libc_thread *t = p;

	if (t->unmap_size)
		__l4libc_sys_munmap(t->unmap_base, t->unmap_size);
	if (t->clear_tid) {
		__atomic_store_n(t->clear_tid, 0, __ATOMIC_SEQ_CST);
		__l4libc_futex_wake(t->clear_tid, 1);
	}
	t->doorbell_bound = 0;
	__l4libc_thread_exited(t);
	l4_task_delete_obj(L4_BASE_TASK_CAP, t->cap);
	/* Not reached: deleting the running thread does not return to it. */
	for (;;)
		l4_ipc_sleep(L4_IPC_NEVER);
}

_Noreturn void __l4libc_thread_exit(void)
{
	struct __l4libc_thread *t = __l4libc_self();

	__l4libc_call_on_stack(t->exit_stack_top, (void (*)(void *))exit_on_own_stack, t);
}

_Noreturn void __l4re_unmapself(void *base, size_t size)
{
	struct __l4libc_thread *t = __l4libc_self();

	t->unmap_base = base;
	t->unmap_size = size;
	__l4libc_thread_exit();
}
