// SPDX-License-Identifier: MIT
/*
 * The PCI ops of a virtual bus (include/l4/io/vbus.h): a PCI function's
 * identity, its configuration space, its BARs.  The caller already made
 * sure the device is on the bus.  Writing needs the W right on the bus
 * capability.  io owns the PCI address map, so
 * configuration writes that touch a BAR or the expansion ROM BAR are
 * refused; everything else (command register, device-specific registers,
 * capabilities) goes to the device.  Without an IOMMU a driver that turns
 * on bus mastering can make the device reach any memory: docs/io.md.
 */
#include "io.h"

#include <l4/io/vbus.h>
#include <l4/sys/err.h>

#define PCI_CFG_SIZE 4096
#define PCI_BARS_FIRST 0x10
#define PCI_BARS_END 0x28
#define PCI_ROM 0x30
#define PCI_ROM_END 0x34

static bool overlaps(unsigned off, unsigned width, unsigned lo, unsigned end)
{
	return off < end && off + width > lo;
}

/* mr2 offset, mr3 width: in configuration space and aligned to a width of 1, 2 or 4. */
static long cfg_args(unsigned words, unsigned need, unsigned *off, unsigned *width)
{
	l4_msg_regs_t *m = l4_utcb_mr();

	if (words < need)
		return -L4_EINVAL;
	if (m->mr[3] != 1 && m->mr[3] != 2 && m->mr[3] != 4)
		return -L4_EINVAL;
	if (m->mr[2] >= PCI_CFG_SIZE || (m->mr[2] & (m->mr[3] - 1)))
		return -L4_EINVAL;
	*off = (unsigned)m->mr[2];
	*width = (unsigned)m->mr[3];
	return 0;
}

long io_vbus_pci_op(int dev, l4_umword_t op, unsigned words, l4_umword_t label, l4_msgtag_t *reply)
{
	const struct io_dev *d = &io_devs[dev];
	l4_msg_regs_t *m = l4_utcb_mr();
	const struct io_pci_bar *b;
	unsigned off, width;
	long err;

	if (!d->pci.cfg)
		return -L4_ENODEV;
	switch (op) {
	case L4REC_VBUS_OP_PCI_INFO:
		m->mr[0] = d->pci.vendor | (l4_umword_t)d->pci.device << 16;
		m->mr[1] = d->pci.class_rev;
		m->mr[2] = d->pci.subsys_vendor | (l4_umword_t)d->pci.subsys_device << 16;
		m->mr[3] = (l4_umword_t)d->pci.bus << 8 | d->pci.devfn;
		m->mr[4] = d->pci.pin;
		*reply = l4_msgtag(0, 5, 0, 0);
		return 0;
	case L4REC_VBUS_OP_PCI_CFG_READ:
		err = cfg_args(words, 4, &off, &width);
		if (err < 0)
			return err;
		m->mr[0] = io_pci_cfg_read(d, off, width);
		*reply = l4_msgtag(0, 1, 0, 0);
		return 0;
	case L4REC_VBUS_OP_PCI_CFG_WRITE:
		if (!(label & L4_CAP_FPAGE_W))
			return -L4_EPERM; /* a read-only bus capability */
		err = cfg_args(words, 5, &off, &width);
		if (err < 0)
			return err;
		if (overlaps(off, width, PCI_BARS_FIRST, PCI_BARS_END) ||
		    overlaps(off, width, PCI_ROM, PCI_ROM_END))
			return -L4_EPERM;
		io_pci_cfg_write(d, off, width, (uint32_t)m->mr[4]);
		return 0;
	case L4REC_VBUS_OP_PCI_BAR:
		if (words < 3)
			return -L4_EINVAL;
		if (m->mr[2] >= IO_MAX_REGS || !d->pci.bars[m->mr[2]].size)
			return -L4_ERANGE;
		b = &d->pci.bars[m->mr[2]];
		m->mr[0] = b->flags;
		m->mr[1] = b->bus_addr;
		m->mr[2] = b->size;
		m->mr[3] = b->cpu_addr;
		*reply = l4_msgtag(0, 4, 0, 0);
		return 0;
	default:
		return -L4_ENOSYS;
	}
}
