// SPDX-License-Identifier: MIT
/*
 * PCI functions on io's virtual bus (docs/io.md): identity, config space
 * and BARs of a device through io's PCI operations on the capability
 * "vbus".  io owns the address map (it assigned the BARs and refuses
 * config writes to them); the Linux half (linux/pci.c) builds its
 * struct pci_dev from what these return and maps BARs through
 * dde_l4_vbus_mmio_map() (vbus.c), whose region n is BAR n.
 */
#include <l4/io/vbus.h>
#include <l4/re/env.h>
#include <l4/sys/err.h>

#include <dde/l4.h>

static l4_cap_idx_t pci_bus(void)
{
	/* vbus.c's first call (dde_l4_vbus_count) already waited for io. */
	return l4re_env_get_cap("vbus");
}

int dde_l4_pci_info(unsigned dev, struct dde_pci_info *out)
{
	struct l4rec_vbus_pci_info i;
	l4_cap_idx_t bus = pci_bus();
	long err;

	if (l4_is_invalid_cap(bus))
		return -L4_ENODEV;
	err = l4rec_vbus_pci_info(bus, dev, &i);
	if (err < 0)
		return (int)err;
	out->vendor = i.vendor;
	out->device = i.device;
	out->subsys_vendor = i.subsys_vendor;
	out->subsys_device = i.subsys_device;
	out->class_rev = i.class_rev;
	out->bus = i.bus;
	out->devfn = i.devfn;
	out->pin = i.pin;
	return 0;
}

static int cfg_args_ok(unsigned off, unsigned width)
{
	return (width == 1 || width == 2 || width == 4) && off < 4096 && !(off & (width - 1));
}

int dde_l4_pci_cfg_read(unsigned dev, unsigned off, unsigned width, unsigned *val)
{
	l4_uint32_t v = 0;
	long err;

	if (!cfg_args_ok(off, width))
		return -L4_EINVAL;
	err = l4rec_vbus_pci_cfg_read(pci_bus(), dev, off, width, &v);
	if (err < 0)
		return (int)err;
	*val = v;
	return 0;
}

int dde_l4_pci_cfg_write(unsigned dev, unsigned off, unsigned width, unsigned val)
{
	if (!cfg_args_ok(off, width))
		return -L4_EINVAL;
	return (int)l4rec_vbus_pci_cfg_write(pci_bus(), dev, off, width, val);
}

int dde_l4_pci_bar(unsigned dev, unsigned bar, struct dde_pci_bar *out)
{
	struct l4rec_vbus_pci_bar b;
	long err;

	if (bar > 5)
		return -L4_ERANGE;
	err = l4rec_vbus_pci_bar(pci_bus(), dev, bar, &b);
	if (err < 0)
		return (int)err;
	out->flags = (b.flags & L4REC_VBUS_BAR_IO ? DDE_PCI_BAR_IO : 0) |
		     (b.flags & L4REC_VBUS_BAR_64 ? DDE_PCI_BAR_64 : 0) |
		     (b.flags & L4REC_VBUS_BAR_PREFETCH ? DDE_PCI_BAR_PREFETCH : 0);
	out->bus_addr = b.bus_addr;
	out->size = b.size;
	out->cpu_addr = b.cpu_addr;
	return 0;
}
