// SPDX-License-Identifier: MIT
/*
 * Page faults and exceptions of user threads (docs/abi.md §8-9).  The
 * faulting thread itself performs the IPC to its pager or exception handler,
 * on its own kernel stack, and returns to user mode once it is answered.
 */
#include <fault.h>
#include <ipc.h>
#include <l4/sys/consts.h>
#include <l4/sys/kip.h>
#include <space.h>
#include <task.h>
#include <thread.h>

void user_exception(struct thread *t, unsigned long esr, unsigned long far)
{
	t->fault_esr = esr;
	t->fault_far = far;
	t->fault_addr = far;
	t->kwait = KW_EXCEPTION;
	ipc_kernel_call(t, t->exc_handler);
}

void user_page_fault(struct thread *t, unsigned long far, bool write, bool exec, unsigned long esr)
{
	/* sigma0's memory is mapped 1:1 by the kernel; what it does not own is an exception. */
	if (t->task->is_sigma0 && space_sigma0_fault(t->task, far) == 0)
		return;
	if (far >= L4REC_USER_TOP || t->task->is_sigma0) {
		user_exception(t, esr, far);
		return;
	}
	t->fault_addr = (far & ~7UL) | (write ? 2 : 0) | (exec ? 4 : 0);
	t->kwait = KW_PAGEFAULT;
	t->kwait_exception = false;
	ipc_kernel_call(t, t->pager);
	if (t->kwait_exception && t->state == TS_READY) {
		t->kwait_exception = false;
		user_exception(t, esr, far);
	}
}
