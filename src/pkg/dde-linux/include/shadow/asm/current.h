/* SPDX-License-Identifier: MIT */
/*
 * Shadow of arch/arm64/include/asm/current.h for dde-linux: the kernel
 * reads `current` from SP_EL0, which user code cannot read (the mrs
 * traps).  Here the server's one Linux context is a task_struct in
 * memory (linux/task.c); preempt_count and thread_info live in it as
 * usual (THREAD_INFO_IN_TASK).  Placed before the Linux include paths.
 */
#ifndef __ASM_CURRENT_H
#define __ASM_CURRENT_H

#include <linux/compiler.h>

#ifndef __ASSEMBLY__

struct task_struct;

extern struct task_struct *dde_current_task;

static __always_inline struct task_struct *get_current(void)
{
	return dde_current_task;
}

#define current get_current()

#endif /* __ASSEMBLY__ */

#endif /* __ASM_CURRENT_H */
