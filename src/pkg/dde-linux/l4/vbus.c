// SPDX-License-Identifier: MIT
/*
 * io's virtual bus (docs/io.md): the devices a driver server may drive,
 * from the capability "vbus" its .cfg gives it.  Region and interrupt
 * requests fetch io's dataspace or Irq once and register them with
 * iomem.c and irq.c, so that the driver's own ioremap() of the device's
 * physical address and request_irq() of its INTID find them there:
 * Linux code keeps using addresses and line numbers, and never reaches
 * a device io did not put on the bus.
 *
 * io binds its gates only after reading the device tree; a server
 * started in the same script may call first, so the first call retries
 * for a while (as the io test client does).
 */
#include <stdio.h>
#include <string.h>

#include <l4/io/vbus.h>
#include <l4/re/c/rm.h>
#include <l4/re/c/util/cap_alloc.h>
#include <l4/re/env.h>
#include <l4/sys/err.h>
#include <l4/sys/ipc.h>

#include <dde/l4.h>
#include "server.h"

#define IO_WAIT_MS 5000

static l4_cap_idx_t vbus(void)
{
	static int waited;
	l4_cap_idx_t cap = l4re_env_get_cap("vbus");
	unsigned ms;

	if (l4_is_invalid_cap(cap) || waited)
		return cap;
	waited = 1;
	for (ms = 0; ms < IO_WAIT_MS; ms += 10) {
		if (l4rec_vbus_count(cap) != -(L4_EIPC_LO + L4_IPC_ENOT_EXISTENT))
			break;
		l4_ipc_sleep(l4_timeout(L4_IPC_TIMEOUT_NEVER, l4_timeout_from_us(10000)));
	}
	return cap;
}

int dde_l4_vbus_count(void)
{
	l4_cap_idx_t bus = vbus();

	return l4_is_invalid_cap(bus) ? 0 : (int)l4rec_vbus_count(bus);
}

int dde_l4_vbus_device(unsigned dev, struct dde_vbus_dev *out)
{
	struct l4rec_vbus_dev d;
	long err = l4rec_vbus_device(vbus(), dev, &d);

	if (err < 0)
		return (int)err;
	_Static_assert(sizeof(out->name) == sizeof(d.name), "vbus name sizes");
	memcpy(out->name, d.name, sizeof(out->name));
	out->nr_mmio = d.nr_mmio;
	out->nr_irq = d.nr_irq;
	out->virtio_id = d.virtio_id;
	return 0;
}

int dde_l4_vbus_find(const char *match)
{
	l4_cap_idx_t bus = vbus();

	return l4_is_invalid_cap(bus) ? -L4_ENODEV : (int)l4rec_vbus_find(bus, match);
}

int dde_l4_vbus_mmio_map(unsigned dev, unsigned region, void **virt, unsigned long long *phys,
			 unsigned long long *size)
{
	struct l4rec_vbus_mmio info;
	l4_cap_idx_t ds = l4re_util_cap_alloc();
	l4_addr_t va = 0;
	long err;

	if (l4_is_invalid_cap(ds))
		return -L4_ENOMEM;
	err = l4rec_vbus_mmio(vbus(), dev, region, ds, &info);
	if (err >= 0)
		err = l4re_rm_attach((void **)&va, l4re_ds_size(ds),
				     L4RE_RM_F_SEARCH_ADDR | L4RE_RM_F_RW, ds, 0, L4_PAGESHIFT);
	if (err < 0) {
		l4re_util_cap_free(ds);
		return (int)err;
	}
	dde_l4_iomem_add_window(info.phys - info.offset, info.offset + info.size, va);
	*virt = (void *)(va + info.offset);
	*phys = info.phys;
	*size = info.size;
	return 0;
}

int dde_l4_vbus_irq(unsigned dev, unsigned index, unsigned *intid)
{
	l4_cap_idx_t irq = l4re_util_cap_alloc();
	long err;

	if (l4_is_invalid_cap(irq))
		return -L4_ENOMEM;
	err = l4rec_vbus_irq(vbus(), dev, index, irq, intid);
	if (err >= 0)
		err = dde_l4_irq_provide(*intid, irq);
	if (err < 0)
		l4re_util_cap_free(irq);
	return err == -L4_EEXIST ? 0 : (int)err; /* asked twice: the first Irq serves */
}
