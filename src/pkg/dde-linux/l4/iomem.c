// SPDX-License-Identifier: MIT
/*
 * Device memory for ioremap().  Devices on io's virtual bus (vbus.c)
 * come as io's dataspaces, registered here as windows when the bus code
 * fetches them.  Otherwise (AMBA devices from the command line) the
 * server asks sigma0 for the pages (SIGMA0_REQ_FPAGE_IOMEM, uncached)
 * through the capability "sigma0" its .cfg gives it, and receives them
 * into an area it reserved in its region map so that nothing else is
 * ever attached there.  Each range is mapped once; a second ioremap of
 * the same pages returns the first mapping.
 */
#include <stdio.h>

#include <l4/re/c/rm.h>
#include <l4/re/env.h>
#include <l4/sigma0/sigma0.h>
#include <l4/sys/err.h>

#include <dde/l4.h>
#include "server.h"

#define MAX_WINDOWS 16

struct window {
	unsigned long phys, size, virt;
};

static struct window windows[MAX_WINDOWS];
static unsigned nr_windows;

void dde_l4_iomem_add_window(unsigned long phys, unsigned long size, unsigned long virt)
{
	if (nr_windows < MAX_WINDOWS)
		windows[nr_windows++] = (struct window){ phys, size, virt };
	else
		printf("dde: too many device windows; %#lx stays unreachable\n", phys);
}

int dde_l4_iomem_map(unsigned long phys, unsigned long size, void **virt)
{
	unsigned long start = phys & ~(L4_PAGESIZE - 1UL);
	unsigned long len = ((phys + size + L4_PAGESIZE - 1) & ~(L4_PAGESIZE - 1UL)) - start;
	l4_cap_idx_t s0 = l4re_env_get_cap("sigma0");
	l4_addr_t va = 0;
	unsigned i;
	int err;

	for (i = 0; i < nr_windows; ++i) {
		if (phys >= windows[i].phys && phys + size <= windows[i].phys + windows[i].size) {
			*virt = (void *)(windows[i].virt + (phys - windows[i].phys));
			return 0;
		}
	}
	if (l4_is_invalid_cap(s0)) {
		printf("dde: no device access for %#lx: capability 'sigma0' missing\n", phys);
		return -L4_ENODEV;
	}
	if (nr_windows == MAX_WINDOWS)
		return -L4_ENOMEM;
	err = l4re_rm_reserve_area(&va, len, L4RE_RM_F_SEARCH_ADDR, L4_PAGESHIFT);
	if (err < 0)
		return err;
	err = l4sigma0_map_iomem(s0, start, va, len, 0);
	if (err < 0) {
		printf("dde: sigma0 refused device memory %#lx+%#lx: %s\n", start, len,
		       l4sigma0_map_errstr(err));
		l4re_rm_free_area(va);
		return -L4_EPERM;
	}
	windows[nr_windows++] = (struct window){ start, len, va };
	*virt = (void *)(va + (phys - start));
	return 0;
}
