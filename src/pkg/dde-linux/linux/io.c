// SPDX-License-Identifier: MIT
/*
 * ioremap over the L4 half's device-memory windows.  readl/writel stay
 * Linux's own inline accessors (plain loads and stores with barriers,
 * fine at EL0).  Windows are never unmapped: a driver server lives as
 * long as its device, and a second ioremap of the range reuses them.
 */
#include <linux/io.h>

#include "dde_linux.h"

/* Read by the PROT_* attributes ioremap() passes; no global mappings here. */
bool arm64_use_ng_mappings;

void __iomem *ioremap_prot(phys_addr_t phys_addr, size_t size, unsigned long prot)
{
	void *virt;

	if (!size || dde_l4_iomem_map((unsigned long)phys_addr, size, &virt) < 0)
		return NULL;
	return (void __iomem *)virt;
}

void iounmap(volatile void __iomem *addr)
{
}
