// SPDX-License-Identifier: MIT
/*
 * What kernel code asks of "its CPU": the CPU number (a per-CPU variable
 * on arm64; dde-linux has one CPU, see the shadow asm/percpu.h),
 * preemption points, bottom halves and the system state.  A driver server's threads are scheduled by the
 * microkernel, so nothing here switches threads itself.
 */
#include <linux/bottom_half.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/smp.h>

#include "dde_linux.h"

DEFINE_PER_CPU_READ_MOSTLY(int, cpu_number);

enum system_states system_state __read_mostly = SYSTEM_RUNNING;

/*
 * preempt_enable() calls this when the count drops to zero and a
 * reschedule looks due (the need-resched bit lives in the shared
 * preempt_count); the microkernel preempts threads by itself.
 */
asmlinkage __visible void preempt_schedule(void)
{
}

/*
 * local_bh_enable(): softirq work (NAPI polls) runs at the server's
 * softirq point, after every interrupt, not here.
 */
void __local_bh_enable_ip(unsigned long ip, unsigned int cnt)
{
	preempt_count_sub(cnt);
}
