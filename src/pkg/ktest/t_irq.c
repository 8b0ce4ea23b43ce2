// SPDX-License-Identifier: MIT
/*
 * Interrupt cases: software IRQ objects (attach, trigger, coalescing,
 * detach) and a real hardware interrupt: the alarm of QEMU's PL031 RTC,
 * whose registers ktest gets from sigma0 as I/O memory.
 *
 * (The EL0 virtual timer is no use here: with HCR_EL2.E2H = TGE = 1 EL0's
 * CNTV_*_EL0 accesses reach the EL2 virtual timer, whose interrupt QEMU 7.2's
 * virt board does not connect to the GIC.)
 */
#include "ktest.h"

#include <l4/sys/factory.h>
#include <l4/sys/icu.h>
#include <l4/sys/ipc.h>
#include <l4/sys/irq.h>
#include <l4/sigma0/sigma0.h>

/* QEMU virt: PL031 at 0x09010000, SPI 2 = GIC INTID 34. */
#define RTC_PHYS 0x09010000UL
#define RTC_INTID 34
#define RTC_VA 0x2b100000UL
#define RTC_DR 0x00   /* current time, seconds */
#define RTC_MR 0x04   /* match: the alarm fires when DR reaches it */
#define RTC_IMSC 0x10 /* interrupt mask set/clear: 1 = enabled */
#define RTC_ICR 0x1c  /* interrupt clear */

static l4_cap_idx_t new_irq(void)
{
	l4_cap_idx_t irq = kt_cap();

	if (l4_error(l4_factory_create_irq(L4_BASE_FACTORY_CAP, irq)) < 0)
		return 0;
	kt_defer_delete(irq);
	return irq;
}

static long wait_irq(unsigned ms, l4_umword_t *label)
{
	l4_msgtag_t tag = l4_ipc_wait(l4_utcb(), label, kt_rcv_timeout_ms(ms));

	if (l4_msgtag_has_error(tag))
		return l4_error(tag);
	return l4_msgtag_label(tag) == L4_PROTO_IRQ ? 0 : -1;
}

static const char *irq_sw(void)
{
	l4_cap_idx_t irq = new_irq();
	l4_umword_t label = 0;
	long e;

	KT_CHECK(irq, "setup failed (%ld)", kt_err);
	e = l4_error(l4_irq_attach(irq, 0x77, L4_BASE_THREAD_CAP));
	KT_CHECK(e == 0, "attach: %ld", e);
	e = l4_error(l4_irq_trigger(irq));
	KT_CHECK(e == 0, "trigger: %ld", e);
	e = wait_irq(500, &label);
	KT_CHECK(e == 0, "wait: %ld", e);
	KT_CHECK(label == 0x77, "label %#lx", label);
	e = l4_error(l4_irq_detach(irq));
	KT_CHECK(e == 0, "detach: %ld", e);
	return NULL;
}

static const char *irq_sw_coalesce(void)
{
	l4_cap_idx_t irq = new_irq();
	l4_umword_t label = 0;
	long e;

	KT_CHECK(irq, "setup failed (%ld)", kt_err);
	KT_CHECK(l4_error(l4_irq_attach(irq, 0x78, L4_BASE_THREAD_CAP)) == 0, "attach failed");
	for (int i = 0; i < 3; i++)
		l4_irq_trigger(irq);
	e = wait_irq(500, &label);
	KT_CHECK(e == 0 && label == 0x78, "first: %ld label %#lx", e, label);
	e = wait_irq(20, &label);
	KT_CHECK(e == l4_ipc_to_errno(L4_IPC_RETIMEOUT), "second message: %ld", e);
	l4_irq_detach(irq);
	return NULL;
}

static const char *irq_receive(void)
{
	l4_cap_idx_t irq = new_irq();
	l4_msgtag_t tag;

	KT_CHECK(irq, "setup failed (%ld)", kt_err);
	KT_CHECK(l4_error(l4_irq_attach(irq, 0x79, L4_BASE_THREAD_CAP)) == 0, "attach failed");
	l4_irq_trigger(irq);
	tag = l4_irq_receive(irq, kt_rcv_timeout_ms(500));
	KT_CHECK(!l4_msgtag_has_error(tag), "receive: %ld", l4_error(tag));
	KT_CHECK(l4_msgtag_label(tag) == L4_PROTO_IRQ, "tag label %ld", l4_msgtag_label(tag));
	l4_irq_detach(irq);
	return NULL;
}

static const char *irq_detached(void)
{
	l4_cap_idx_t irq = new_irq();
	l4_umword_t label;
	long e;

	KT_CHECK(irq, "setup failed (%ld)", kt_err);
	KT_CHECK(l4_error(l4_irq_attach(irq, 0x7a, L4_BASE_THREAD_CAP)) == 0, "attach failed");
	KT_CHECK(l4_error(l4_irq_detach(irq)) == 0, "detach failed");
	l4_irq_trigger(irq);
	e = wait_irq(20, &label);
	KT_CHECK(e == l4_ipc_to_errno(L4_IPC_RETIMEOUT), "detached IRQ delivered: %ld", e);
	return NULL;
}

static const char *icu_info(void)
{
	l4_icu_info_t info = { 0, 0, 0 };
	long e = l4_error(l4_icu_info(L4_BASE_ICU_CAP, &info));

	KT_CHECK(e == 0, "info: %ld", e);
	KT_CHECK(info.nr_irqs > RTC_INTID, "nr_irqs %u", info.nr_irqs);
	return NULL;
}

static const char *icu_bind_bad(void)
{
	l4_cap_idx_t irq = new_irq();
	long e;

	KT_CHECK(irq, "setup failed (%ld)", kt_err);
	e = l4_error(l4_icu_bind(L4_BASE_ICU_CAP, 100000, irq));
	KT_CHECK(e == -L4_EINVAL, "irq 100000: %ld", e);
	return NULL;
}

static volatile uint32_t *rtc(unsigned long off)
{
	return (volatile uint32_t *)(RTC_VA + off);
}

/* The RTC counts seconds: an alarm one second ahead fires within two. */
static const char *irq_hw_rtc(void)
{
	l4_cap_idx_t irq = new_irq();
	l4_umword_t label = 0;
	long e;

	KT_CHECK(irq, "setup failed (%ld)", kt_err);
	e = l4sigma0_map_iomem(L4_BASE_PAGER_CAP, RTC_PHYS, RTC_VA, L4_PAGESIZE, 0);
	KT_CHECK(e == 0, "RTC registers from sigma0: %ld", e);
	KT_CHECK(l4_error(l4_irq_attach(irq, 0x99, L4_BASE_THREAD_CAP)) == 0, "attach failed");
	e = l4_error(l4_icu_bind(L4_BASE_ICU_CAP, RTC_INTID, irq));
	KT_CHECK(e >= 0, "icu bind: %ld", e);
	*rtc(RTC_ICR) = 1;
	*rtc(RTC_MR) = *rtc(RTC_DR) + 1;
	*rtc(RTC_IMSC) = 1;
	e = l4_error(l4_irq_wait(irq, &label, kt_rcv_timeout_ms(2500)));
	*rtc(RTC_IMSC) = 0;
	*rtc(RTC_ICR) = 1;
	KT_CHECK(e == L4_PROTO_IRQ, "wait for the RTC alarm: %ld", e);
	KT_CHECK(label == 0x99, "label %#lx", label);
	/* Alarm off and cleared, so unmasking must not bring another interrupt. */
	l4_irq_unmask(irq);
	e = wait_irq(20, &label);
	KT_CHECK(e == l4_ipc_to_errno(L4_IPC_RETIMEOUT), "interrupt after clearing: %ld", e);
	e = l4_error(l4_icu_unbind(L4_BASE_ICU_CAP, RTC_INTID, irq));
	KT_CHECK(e == 0, "unbind: %ld", e);
	return NULL;
}

const struct kt_case kt_irq_cases[] = {
	{ "irq_sw", irq_sw },		{ "irq_sw_coalesce", irq_sw_coalesce },
	{ "irq_receive", irq_receive }, { "irq_detached", irq_detached },
	{ "icu_info", icu_info },	{ "icu_bind_bad", icu_bind_bad },
	{ "irq_hw_rtc", irq_hw_rtc },	{ NULL, NULL },
};
