// SPDX-License-Identifier: MIT
/*
 * Per-CPU set-up at EL2 with VHE, and the CPU side of a thread switch.
 * User FP/SIMD state is switched lazily: the registers stay with their
 * owner until another thread touches them (a trap to fpu_trap()), so IPC
 * between threads that do not use FP/SIMD never moves the 528 bytes.
 */
#include <arch/cpu.h>
#include <arch/sysreg.h>
#include <percpu.h>
#include <task.h>
#include <thread.h>

#define FPEN_TRAP_EL0 (1UL << 20)
#define FPEN_NONE (3UL << 20)

#define fpu_owner (this_cpu()->fpu_owner)
#define fpu_enabled (this_cpu()->fpu_enabled)

static void fpu_enable(bool on)
{
	if (on == fpu_enabled)
		return;
	/* CPTR_EL2 in its VHE (CPACR) layout; EL2 itself never traps. */
	write_sysreg(cpacr_el1, on ? FPEN_NONE : FPEN_TRAP_EL0);
	isb();
	fpu_enabled = on;
}

void cpu_init(void)
{
	fpu_enabled = true;
	fpu_enable(false);
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
	if (prev->task)
		prev->tpidr_el0 = read_sysreg(tpidr_el0);
	if (!next->task)
		return;
	fpu_enable(next == fpu_owner);
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

void fpu_trap(struct thread *t)
{
	fpu_enable(true);
	if (fpu_owner == t)
		return;
	if (fpu_owner)
		fpu_save(&fpu_owner->fpu);
	fpu_restore(&t->fpu);
	fpu_owner = t;
}

void cpu_thread_gone(struct thread *t)
{
	if (fpu_owner == t)
		fpu_owner = NULL;
}
