// SPDX-License-Identifier: MIT
/*
 * A device of io's virtual bus as the Linux buses built on it (platform,
 * AMBA) see it: its name in Linux's device-tree style and its register
 * regions and interrupts as resources.  Fetching them from io also makes
 * them reachable: the regions are mapped and known to ioremap(), the
 * Irqs known to request_irq() (l4/vbus.c).
 */
#include <linux/ioport.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "dde_linux.h"

char *dde_vbus_dt_name(const char *node)
{
	const char *at = strchr(node, '@');

	if (!at)
		return kstrdup(node, GFP_KERNEL);
	return kasprintf(GFP_KERNEL, "%s.%.*s", at + 1, (int)(at - node), node);
}

int dde_vbus_resources(int index, const struct dde_vbus_dev *vd, const char *name,
		       struct resource *res, unsigned max)
{
	unsigned i, n = 0;
	int err;

	for (i = 0; i < vd->nr_mmio && n < max; ++i, ++n) {
		unsigned long long phys, size;
		void *virt;

		err = dde_l4_vbus_mmio_map(index, i, &virt, &phys, &size);
		if (err < 0) {
			pr_err("dde: %s: register region %u from io: error %d\n", vd->name, i, err);
			return err;
		}
		res[n] = (struct resource)DEFINE_RES_MEM_NAMED(phys, size, name);
	}
	for (i = 0; i < vd->nr_irq && n < max; ++i, ++n) {
		unsigned intid;

		err = dde_l4_vbus_irq(index, i, &intid);
		if (err < 0) {
			pr_err("dde: %s: interrupt %u from io: error %d\n", vd->name, i, err);
			return err;
		}
		res[n] = (struct resource)DEFINE_RES_IRQ(intid);
	}
	return (int)n;
}
