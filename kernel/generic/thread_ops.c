// SPDX-License-Identifier: MIT
/* Operations on Thread objects: control, ex_regs, switch, stats (docs/abi.md §7.3). */
#include <ipc.h>
#include <kobj_invoke.h>
#include <l4/sys/__l4_fpage.h>
#include <l4/sys/consts.h>
#include <l4/sys/err.h>
#include <l4/sys/thread.h>
#include <sched.h>
#include <task.h>
#include <thread.h>

static long thread_control(struct thread *cur, struct thread *t, const unsigned long *mr,
			   unsigned int words, unsigned int items)
{
	unsigned long flags = mr[0];
	struct task *bind = NULL;

	if (words < 6)
		return -L4_EINVAL;
	/* Validate everything before changing anything. */
	if (flags & L4_THREAD_CONTROL_BIND_TASK) {
		struct kobject *o = item_object(cur, mr, words, 0);

		if (items < 1 || !o || o->type != KOBJ_TASK)
			return -L4_EINVAL;
		if (t->task)
			return -L4_EBUSY;
		bind = to_task(o);
		if (!task_utcb_kaddr(bind, mr[L4_THREAD_CONTROL_MR_IDX_BIND_UTCB]) ||
		    task_utcb_in_use(bind, mr[L4_THREAD_CONTROL_MR_IDX_BIND_UTCB]))
			return -L4_EINVAL;
	}
	if (bind) {
		long r = thread_bind(t, bind, mr[L4_THREAD_CONTROL_MR_IDX_BIND_UTCB]);

		if (r)
			return r;
	}
	if (flags & L4_THREAD_CONTROL_SET_PAGER)
		t->pager = mr[L4_THREAD_CONTROL_MR_IDX_PAGER];
	if (flags & L4_THREAD_CONTROL_SET_EXC_HANDLER)
		t->exc_handler = mr[L4_THREAD_CONTROL_MR_IDX_EXC_HANDLER];
	thread_try_start(t);
	return 0;
}

static long thread_ex_regs(struct thread *t, unsigned long *mr, unsigned int words,
			   unsigned int *reply_words)
{
	unsigned long flags = mr[0] & ~L4_THREAD_OPCODE_MASK, pc, sp;

	if (words < 3)
		return -L4_EINVAL;
	if (!t->task)
		return -L4_EINVAL;
	pc = mr[1];
	sp = mr[2];
	mr[0] = 0;
	mr[1] = t->tf->pc;
	mr[2] = t->tf->sp;
	*reply_words = 3;
	if (pc != ~0UL) {
		t->tf->pc = pc;
		t->has_pc = true;
	}
	if (sp != ~0UL)
		t->tf->sp = sp;
	if (flags & L4_THREAD_EX_REGS_CANCEL)
		ipc_cancel(t);
	if (flags & L4_THREAD_EX_REGS_TRIGGER_EXCEPTION)
		t->trigger_exception = true;
	thread_try_start(t);
	return 0;
}

long thread_invoke(struct thread *cur, struct mapnode *n, unsigned long tag, unsigned int *words)
{
	struct thread *t = to_thread(n->obj);
	unsigned long *mr = utcb_mr(cur);
	unsigned int w = tag & 63, items = (tag >> 6) & 63;

	if (w < 1)
		return -L4_EINVAL;
	switch (mr[0] & L4_THREAD_OPCODE_MASK) {
	case L4_THREAD_CONTROL_OP:
		if (!(n->rights & L4_CAP_FPAGE_W))
			return -L4_EPERM;
		return thread_control(cur, t, mr, w, items);
	case L4_THREAD_EX_REGS_OP:
		if (!(n->rights & L4_CAP_FPAGE_W))
			return -L4_EPERM;
		return thread_ex_regs(t, mr, w, words);
	case L4_THREAD_SWITCH_OP:
		schedule_yield();
		return 0;
	case L4_THREAD_STATS_OP:
		mr[0] = t->run_ticks * (1000000 / SCHED_TICK_HZ);
		*words = 1;
		return 0;
	default:
		return -L4_ENOSYS;
	}
}
