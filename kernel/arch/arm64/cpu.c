// SPDX-License-Identifier: MIT
/*
 * Per-CPU set-up at EL2 with VHE, and the CPU side of a thread switch.
 * User FP/SIMD state is switched eagerly: EL0 code (memcpy, printf) uses the
 * vector registers freely, and a lazy scheme would cost a trap per switch
 * for such code anyway.
 */
#include <arch/cpu.h>
#include <arch/sysreg.h>
#include <task.h>
#include <thread.h>

void cpu_init(void)
{
	/* CPTR_EL2 in its VHE (CPACR) layout: FPEN = 0b11, no FP/SIMD traps. */
	write_sysreg(cpacr_el1, 3UL << 20);
	/*
	 * CNTHCTL_EL2 (E2H layout): EL0 may read both counters (EL0PCTEN,
	 * EL0VCTEN) and use the virtual timer (EL0VTEN), so that user land has
	 * a timer it can program itself and receive as an interrupt.
	 */
	write_sysreg(cnthctl_el2, (1UL << 0) | (1UL << 1) | (1UL << 8));
	write_sysreg(cntvoff_el2, 0);
	isb();
}

void cpu_switch_prepare(struct thread *prev, struct thread *next)
{
	if (prev->task) {
		fpu_save(&prev->fpu);
		prev->tpidr_el0 = read_sysreg(tpidr_el0);
	}
	if (!next->task)
		return;
	fpu_restore(&next->fpu);
	write_sysreg(tpidr_el0, next->tpidr_el0);
	write_sysreg(tpidrro_el0, next->utcb_uaddr);
	if (!prev->task || prev->task != next->task)
		pt_activate(&next->task->pt);
}

void cpu_idle_wait(void)
{
	/* wfi wakes on a pending interrupt even while masked; then take it. */
	__asm__ volatile("wfi\n msr daifclr, #2\n isb\n msr daifset, #2" ::: "memory");
}

void cpu_thread_init(struct thread *t)
{
	t->tf = (struct trap_frame *)((char *)t->kstack + 4096 - sizeof(struct trap_frame));
	t->tf->pstate = PSTATE_EL0;
	t->ctx.sp = (unsigned long)t->tf;
	/* switch_to() "returns" straight into ret_to_user with sp at the frame. */
	t->ctx.lr = (unsigned long)ret_to_user;
}
