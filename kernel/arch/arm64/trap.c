// SPDX-License-Identifier: MIT
/*
 * Exception entry from vectors.S: decode the syndrome and hand over to the
 * generic kernel; on the way back to user mode, run the scheduler if the
 * current thread blocked or was preempted.
 */
#include <arch/cpu.h>
#include <arch/irqchip.h>
#include <arch/regs.h>
#include <arch/sysreg.h>
#include <fault.h>
#include <ipc.h>
#include <irq.h>
#include <kip.h>
#include <panic.h>
#include <plat/platform.h>
#include <printk.h>
#include <sched.h>
#include <thread.h>
#include <timeout.h>

void trap_user_sync(struct trap_frame *tf);
void trap_irq(void);
void trap_preempt(void);
void trap_kernel_sync(unsigned long *regs);
void trap_bad_exception(unsigned long *regs);

/* ESR of the exception ex_regs triggers (EC 0x3e, as Fiasco reports it). */
#define ESR_TRIGGERED (0x3eUL << ESR_EC_SHIFT)

/*
 * Leave the kernel only as a ready thread that nobody better waits for, and
 * with no exception IPC still owed (ex_regs TRIGGER_EXCEPTION).
 */
static __attribute__((noinline)) void trap_exit_slow(void)
{
	for (;;) {
		if (current->state != TS_READY)
			sched_block();
		else if (need_resched)
			schedule();
		else if (current->trigger_exception) {
			current->trigger_exception = false;
			user_exception(current, ESR_TRIGGERED, 0);
		} else
			return;
	}
}

static inline void trap_exit(void)
{
	struct thread *t = current;

	if (likely(t->state == TS_READY && !need_resched && !t->trigger_exception))
		return;
	trap_exit_slow();
}

static bool is_mmu_fault(unsigned long esr)
{
	unsigned int fsc = esr & 0x3f;

	/* Translation (4-7), access flag (9-11), permission (13-15) faults. */
	return (fsc >= 0x04 && fsc <= 0x07) || (fsc >= 0x09 && fsc <= 0x0b) ||
	       (fsc >= 0x0d && fsc <= 0x0f);
}

void trap_user_sync(struct trap_frame *tf)
{
	unsigned long esr = read_sysreg(esr_el2), far = read_sysreg(far_el2);
	unsigned int ec = (unsigned int)(esr >> ESR_EC_SHIFT);

	switch (ec) {
	case ESR_EC_FP:
		fpu_trap(current);
		break;
	case ESR_EC_SVC64:
		if ((esr & 0xffff) == 0)
			sys_invoke(tf);
		else
			user_exception(current, esr, 0);
		break;
	case ESR_EC_DABT_LOW:
	case ESR_EC_IABT_LOW:
		if (is_mmu_fault(esr))
			user_page_fault(current, far, ec == ESR_EC_DABT_LOW && (esr & ESR_ISS_WNR),
					ec == ESR_EC_IABT_LOW, esr);
		else
			user_exception(current, esr, far);
		break;
	default:
		user_exception(current, esr, far);
		break;
	}
	trap_exit();
}

void trap_irq(void)
{
	unsigned int intid = gic_ack();

	if (intid >= IRQ_SPURIOUS)
		return;
	if (intid == PLAT_TIMER_IRQ) {
		uint64_t now = timer_now();

		timer_tick_ack();
		kip_update_clock(now);
		timeout_expire(now);
		sched_tick();
	} else {
		irq_hw_fire(intid);
	}
	gic_eoi(intid);
}

void trap_preempt(void)
{
	trap_exit();
}

static void dump(const char *what, const unsigned long *regs)
{
	printk("l4rec: %s: ESR 0x%lx ELR 0x%lx FAR 0x%lx lr 0x%lx\n", what, read_sysreg(esr_el2),
	       read_sysreg(elr_el2), read_sysreg(far_el2), regs[19]);
}

void trap_kernel_sync(unsigned long *regs)
{
	dump("kernel fault", regs);
	panic("kernel fault");
}

void trap_bad_exception(unsigned long *regs)
{
	dump("unexpected exception", regs);
	panic("unexpected exception");
}
