// SPDX-License-Identifier: MIT
/*
 * The one Linux context of a driver_server: `current` (see the shadow
 * asm/current.h) is this task_struct, so preempt_count and other
 * thread_info fields inline kernel code touches are ordinary memory.
 */
#include <linux/sched.h>

#include "dde_linux.h"

static struct task_struct dde_init_task = {
	.comm = "driver_server",
};

struct task_struct *dde_current_task = &dde_init_task;

int dde_l4_err(int linux_err)
{
	/* L4Re's L4_E* codes below 100 are the errno values; others: EIO. */
	if (linux_err >= 0)
		return linux_err;
	return linux_err > -100 ? linux_err : -EIO;
}
