// SPDX-License-Identifier: MIT
/* The ICU object: connects GIC interrupt lines to Irq objects (docs/abi.md §7.6). */
#include <arch/irqchip.h>
#include <ipc.h>
#include <irq.h>
#include <kobj_invoke.h>
#include <l4/sys/err.h>
#include <l4/sys/icu.h>

long icu_invoke(struct thread *cur, unsigned long tag, unsigned int *words)
{
	unsigned long *mr = utcb_mr(cur);
	unsigned int w = tag & 63, items = (tag >> 6) & 63;
	struct kobject *o;

	if (w < 1)
		return -L4_EINVAL;
	switch (mr[0]) {
	case L4_ICU_OP_BIND:
	case L4_ICU_OP_UNBIND:
		if (w < 2 || items < 1)
			return -L4_EINVAL;
		o = item_object(cur, mr, w, 0);
		if (!o || o->type != KOBJ_IRQ || mr[1] >= gic_nr_irqs())
			return -L4_EINVAL;
		if (mr[0] == L4_ICU_OP_BIND)
			return irq_hw_attach(to_irq(o), (unsigned int)mr[1]);
		return irq_hw_detach(to_irq(o), (unsigned int)mr[1]);
	case L4_ICU_OP_INFO:
		mr[0] = 0;
		mr[1] = gic_nr_irqs();
		mr[2] = 0;
		*words = 3;
		return 0;
	case L4_ICU_OP_UNMASK:
	case L4_ICU_OP_MASK:
		if (w < 2 || mr[1] >= gic_nr_irqs())
			return -L4_EINVAL;
		/* Only lines connected to an Irq: the kernel's own (the tick) stay its own. */
		return irq_hw_set_masked((unsigned int)mr[1], mr[0] == L4_ICU_OP_MASK);
	case L4_ICU_OP_SET_MODE:
		/* QEMU's lines are fixed; level/edge is accepted as configured. */
		return w < 3 ? -L4_EINVAL : 0;
	default:
		return -L4_ENOSYS;
	}
}
