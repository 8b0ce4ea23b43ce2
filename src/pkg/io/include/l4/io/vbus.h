/* SPDX-License-Identifier: MIT */
/*
 * (L4ReC) The virtual-bus protocol io serves (docs/io.md), and its client
 * side as inline functions, so a program needs no library to use a bus:
 * add -Isrc/pkg/io/include (CFLAGS_EXTRA).  A bus holds exactly the
 * devices io's configuration put on it; indices run from 0 to count - 1
 * and are the only way to name a device, so nothing else can be reached.
 *
 * Requests: label L4REC_PROTO_VBUS, mr0 = opcode.  Replies: label 0 or
 * -L4_E*; -L4_ENODEV for a device index or match that is not on the bus.
 * PCI functions ("pci:BB:DD.F") have the PCI ops too: their regions are
 * their six BARs (region n = BAR n), their interrupt 0 is INTx.
 */
#ifndef L4_IO_VBUS_H
#define L4_IO_VBUS_H

#include <l4/sys/err.h>
#include <l4/sys/ipc.h>
#include <l4/sys/utcb.h>

#define L4REC_PROTO_VBUS 0x4100L
#define L4REC_VBUS_NAME_MAX 48 /* bytes of a device name, with the NUL */

enum l4rec_vbus_op {
	L4REC_VBUS_OP_COUNT = 0,  /* -> mr0 devices on the bus */
	L4REC_VBUS_OP_DEVICE = 1, /* mr1 dev -> mr0 regions, mr1 irqs, mr2 virtio id, mr3 n, name */
	L4REC_VBUS_OP_FIND = 2,	  /* mr1 n, match bytes from mr2 -> mr0 dev */
	L4REC_VBUS_OP_MMIO = 3, /* mr1 dev, mr2 region -> ds, mr0 phys, mr1 size, mr2 offs in ds */
	L4REC_VBUS_OP_IRQ = 4,	/* mr1 dev, mr2 irq -> Irq cap, mr0 GIC INTID, mr1 L4_IRQ_F_* */
	/* mr1 dev -> mr0 vendor | device << 16, mr1 class << 8 | rev, mr2 subsystem, mr3 bus << 8 | devfn, mr4 pin */
	L4REC_VBUS_OP_PCI_INFO = 5,
	L4REC_VBUS_OP_PCI_CFG_READ = 6,	 /* mr1 dev, mr2 offset, mr3 width (1, 2, 4) -> mr0 value */
	L4REC_VBUS_OP_PCI_CFG_WRITE = 7, /* mr1 dev, mr2 offset, mr3 width, mr4 value */
	/* mr1 dev, mr2 bar -> mr0 flags, mr1 bus address, mr2 size, mr3 CPU physical address */
	L4REC_VBUS_OP_PCI_BAR = 8,
};

/* PCI_BAR flags; a 32-bit memory BAR has none. */
#define L4REC_VBUS_BAR_IO 1U
#define L4REC_VBUS_BAR_64 2U
#define L4REC_VBUS_BAR_PREFETCH 4U

struct l4rec_vbus_dev {
	unsigned nr_mmio, nr_irq;
	unsigned virtio_id; /* virtio device id of a virtio-mmio transport, else 0 */
	char name[L4REC_VBUS_NAME_MAX];
};

struct l4rec_vbus_mmio {
	l4_uint64_t phys, size; /* the device's registers */
	l4_uint64_t offset;	/* where they start in the dataspace */
};

struct l4rec_vbus_pci_info {
	unsigned short vendor, device, subsys_vendor, subsys_device;
	unsigned class_rev; /* base class << 24 | subclass << 16 | prog-if << 8 | revision */
	unsigned char bus, devfn, pin; /* pin: 0 none, 1 INTA .. 4 INTD */
};

struct l4rec_vbus_pci_bar {
	unsigned flags;	      /* L4REC_VBUS_BAR_* */
	l4_uint64_t bus_addr; /* as assigned by io: PCI memory address, or I/O port */
	l4_uint64_t size;
	l4_uint64_t cpu_addr; /* where the CPU reaches it (I/O: in the I/O window) */
};

/* The result of a call: the reply label, or an IPC error as -(2000 + code). */
L4_INLINE long l4rec_vbus__call(l4_cap_idx_t bus, unsigned words, l4_cap_idx_t rcv)
{
	l4_utcb_t *u = l4_utcb();
	l4_msgtag_t tag;

	l4_utcb_br_u(u)->bdr = 0;
	l4_utcb_br_u(u)->br[0] = l4_is_invalid_cap(rcv) ? 0 : rcv | L4_RCV_ITEM_SINGLE_CAP;
	tag = l4_ipc_call(bus, u, l4_msgtag(L4REC_PROTO_VBUS, words, 0, 0), L4_IPC_NEVER);
	return l4_error_u(tag, u);
}

L4_INLINE long l4rec_vbus_count(l4_cap_idx_t bus)
{
	long r;

	l4_utcb_mr()->mr[0] = L4REC_VBUS_OP_COUNT;
	r = l4rec_vbus__call(bus, 1, L4_INVALID_CAP);
	return r < 0 ? r : (long)l4_utcb_mr()->mr[0];
}

L4_INLINE long l4rec_vbus_device(l4_cap_idx_t bus, unsigned dev, struct l4rec_vbus_dev *d)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	l4_umword_t n;
	long r;

	m->mr[0] = L4REC_VBUS_OP_DEVICE;
	m->mr[1] = dev;
	r = l4rec_vbus__call(bus, 2, L4_INVALID_CAP);
	if (r < 0)
		return r;
	d->nr_mmio = (unsigned)m->mr[0];
	d->nr_irq = (unsigned)m->mr[1];
	d->virtio_id = (unsigned)m->mr[2];
	n = m->mr[3] < L4REC_VBUS_NAME_MAX ? m->mr[3] : L4REC_VBUS_NAME_MAX - 1;
	__builtin_memcpy(d->name, &m->mr[4], n);
	d->name[n] = 0;
	return 0;
}

/* The first device matching (docs/io.md, "Matching devices"), e.g. "virtio=blk". */
L4_INLINE long l4rec_vbus_find(l4_cap_idx_t bus, char const *match)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	unsigned long n = __builtin_strlen(match);
	long r;

	if (n > 8 * (L4_UTCB_GENERIC_DATA_SIZE - 3))
		return -L4_EINVAL;
	m->mr[0] = L4REC_VBUS_OP_FIND;
	m->mr[1] = n;
	__builtin_memcpy(&m->mr[2], match, n);
	r = l4rec_vbus__call(bus, 2 + (unsigned)((n + 7) / 8), L4_INVALID_CAP);
	return r < 0 ? r : (long)m->mr[0];
}

/* Region idx of device dev as a dataspace in slot ds (mapped uncached when attached). */
L4_INLINE long l4rec_vbus_mmio(l4_cap_idx_t bus, unsigned dev, unsigned idx, l4_cap_idx_t ds,
			       struct l4rec_vbus_mmio *info)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	long r;

	m->mr[0] = L4REC_VBUS_OP_MMIO;
	m->mr[1] = dev;
	m->mr[2] = idx;
	r = l4rec_vbus__call(bus, 3, ds);
	if (r < 0)
		return r;
	if (info) {
		info->phys = m->mr[0];
		info->size = m->mr[1];
		info->offset = m->mr[2];
	}
	return 0;
}

/* Interrupt idx of device dev as an Irq object in slot irq (bound at the ICU, masked). */
L4_INLINE long l4rec_vbus_irq(l4_cap_idx_t bus, unsigned dev, unsigned idx, l4_cap_idx_t irq,
			      unsigned *intid)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	long r;

	m->mr[0] = L4REC_VBUS_OP_IRQ;
	m->mr[1] = dev;
	m->mr[2] = idx;
	r = l4rec_vbus__call(bus, 3, irq);
	if (r >= 0 && intid)
		*intid = (unsigned)m->mr[0];
	return r;
}

/* Identity of PCI function dev; -L4_ENODEV if it is not one (or not on the bus). */
L4_INLINE long l4rec_vbus_pci_info(l4_cap_idx_t bus, unsigned dev, struct l4rec_vbus_pci_info *out)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	long r;

	m->mr[0] = L4REC_VBUS_OP_PCI_INFO;
	m->mr[1] = dev;
	r = l4rec_vbus__call(bus, 2, L4_INVALID_CAP);
	if (r < 0)
		return r;
	out->vendor = (unsigned short)m->mr[0];
	out->device = (unsigned short)(m->mr[0] >> 16);
	out->class_rev = (unsigned)m->mr[1];
	out->subsys_vendor = (unsigned short)m->mr[2];
	out->subsys_device = (unsigned short)(m->mr[2] >> 16);
	out->bus = (unsigned char)(m->mr[3] >> 8);
	out->devfn = (unsigned char)m->mr[3];
	out->pin = (unsigned char)m->mr[4];
	return 0;
}

/* Configuration space read: off 0..4095, width 1, 2 or 4, off aligned to width. */
L4_INLINE long l4rec_vbus_pci_cfg_read(l4_cap_idx_t bus, unsigned dev, unsigned off, unsigned width,
				       l4_uint32_t *val)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	long r;

	m->mr[0] = L4REC_VBUS_OP_PCI_CFG_READ;
	m->mr[1] = dev;
	m->mr[2] = off;
	m->mr[3] = width;
	r = l4rec_vbus__call(bus, 4, L4_INVALID_CAP);
	if (r >= 0)
		*val = (l4_uint32_t)m->mr[0];
	return r;
}

/* Configuration space write; -L4_EPERM for the BARs and the expansion ROM BAR (io's). */
L4_INLINE long l4rec_vbus_pci_cfg_write(l4_cap_idx_t bus, unsigned dev, unsigned off,
					unsigned width, l4_uint32_t val)
{
	l4_msg_regs_t *m = l4_utcb_mr();

	m->mr[0] = L4REC_VBUS_OP_PCI_CFG_WRITE;
	m->mr[1] = dev;
	m->mr[2] = off;
	m->mr[3] = width;
	m->mr[4] = val;
	return l4rec_vbus__call(bus, 5, L4_INVALID_CAP);
}

/* BAR bar (0..5) as io assigned it; -L4_ERANGE if empty or the upper half of a 64-bit BAR. */
L4_INLINE long l4rec_vbus_pci_bar(l4_cap_idx_t bus, unsigned dev, unsigned bar,
				  struct l4rec_vbus_pci_bar *out)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	long r;

	m->mr[0] = L4REC_VBUS_OP_PCI_BAR;
	m->mr[1] = dev;
	m->mr[2] = bar;
	r = l4rec_vbus__call(bus, 3, L4_INVALID_CAP);
	if (r < 0)
		return r;
	out->flags = (unsigned)m->mr[0];
	out->bus_addr = m->mr[1];
	out->size = m->mr[2];
	out->cpu_addr = m->mr[3];
	return 0;
}

/*
 * (L4ReC) io's device dataspaces answer Dataspace STATS with a third word:
 * the offset of the device's registers in the dataspace (a dataspace is
 * whole pages; virtio-mmio transports are 0x200 bytes, eight to a page).
 */
L4_INLINE long l4rec_io_reg_offset(l4_cap_idx_t ds)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	l4_msgtag_t tag;
	long r;

	m->mr[0] = 2; /* L4RE_DS_OP_STATS */
	tag = l4_ipc_call(ds, l4_utcb(), l4_msgtag(0x4000 /* L4RE_PROTO_DATASPACE */, 1, 0, 0),
			  L4_IPC_NEVER);
	r = l4_error(tag);
	if (r < 0)
		return r;
	return l4_msgtag_words(tag) >= 3 ? (long)m->mr[2] : 0;
}

#endif /* L4_IO_VBUS_H */
