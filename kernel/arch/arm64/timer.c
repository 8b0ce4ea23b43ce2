// SPDX-License-Identifier: MIT
/*
 * The kernel tick: the EL2 physical timer (CNTHP, PPI 26), periodic.  The
 * counter is CNTPCT_EL0; its frequency comes from CNTFRQ_EL0 (62.5 MHz under
 * QEMU icount, so never assume a value).
 */
#include <arch/irqchip.h>
#include <arch/sysreg.h>
#include <plat/platform.h>

static uint64_t freq, interval;

void timer_init(unsigned int hz)
{
	freq = read_sysreg(cntfrq_el0);
	interval = freq / hz;
	write_sysreg(cnthp_tval_el2, interval);
	write_sysreg(cnthp_ctl_el2, 1UL); /* enable, unmasked */
	isb();
	gic_enable(PLAT_TIMER_IRQ);
}

void timer_tick_ack(void)
{
	/* Relative to the previous deadline, so ticks do not drift. */
	write_sysreg(cnthp_cval_el2, read_sysreg(cnthp_cval_el2) + interval);
	isb();
}

uint64_t timer_now(void)
{
	isb();
	return read_sysreg(cntpct_el0);
}

uint64_t timer_freq(void)
{
	return freq;
}
