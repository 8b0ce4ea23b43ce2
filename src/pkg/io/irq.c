// SPDX-License-Identifier: MIT
/*
 * Device interrupts.  Each GIC line is bound once, at the ICU io got from
 * the .cfg, to one Irq object: one the .cfg made and named in io's
 * configuration (`irq <cap>: <device>`, so the .cfg can hand the same
 * object to the driver), or one io makes when a vbus client first asks.
 * The line stays masked until the holder's first unmask
 * (l4_irq_receive() unmasks and waits).  The holder attaches its own
 * thread; io never receives from it.  A line several devices share (PCI
 * INTx) has one Irq object for all of them.
 */
#include "io.h"

#include <stdio.h>

#include <l4/re/c/util/cap_alloc.h>
#include <l4/re/env.h>
#include <l4/sys/err.h>
#include <l4/sys/factory.h>
#include <l4/sys/icu.h>

int io_irq_bind(int dev, unsigned idx, l4_cap_idx_t irq)
{
	struct io_irq *q = &io_devs[dev].irqs[idx];
	long err;

	if (!l4_is_invalid_cap(q->cap))
		return -L4_EEXIST;
	err = l4_error(l4_icu_bind(io_icu, q->intid, irq));
	if (err < 0)
		return (int)err;
	/* The trigger mode the device tree gives; the GIC default may differ. */
	l4_icu_set_mode(io_icu, q->intid, q->mode);
	q->cap = irq;
	return 0;
}

/* The Irq object already bound to the line, by another device sharing it. */
static l4_cap_idx_t bound(unsigned intid)
{
	for (unsigned d = 0; d < io_nr_devs; d++)
		for (unsigned i = 0; i < io_devs[d].nr_irqs; i++)
			if (io_devs[d].irqs[i].intid == intid &&
			    !l4_is_invalid_cap(io_devs[d].irqs[i].cap))
				return io_devs[d].irqs[i].cap;
	return L4_INVALID_CAP;
}

l4_cap_idx_t io_irq_get(int dev, unsigned idx, long *err)
{
	struct io_irq *q = &io_devs[dev].irqs[idx];
	l4_cap_idx_t irq;

	if (!l4_is_invalid_cap(q->cap))
		return q->cap;
	/* PCI INTx lines are shared by several slots: one Irq for all of them. */
	q->cap = bound(q->intid);
	if (!l4_is_invalid_cap(q->cap))
		return q->cap;
	irq = l4re_util_cap_alloc();
	if (l4_is_invalid_cap(irq)) {
		*err = -L4_ENOMEM;
		return L4_INVALID_CAP;
	}
	*err = l4_error(l4_factory_create_irq(l4re_env()->factory, irq));
	if (*err >= 0)
		*err = io_irq_bind(dev, idx, irq);
	if (*err < 0) {
		printf("io: %s: cannot bind interrupt %u: %ld\n", io_devs[dev].name, q->intid,
		       *err);
		l4re_util_cap_free_um(irq);
		return L4_INVALID_CAP;
	}
	return irq;
}
