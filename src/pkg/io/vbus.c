// SPDX-License-Identifier: MIT
/*
 * Virtual buses: per client a gate (handed to io by the .cfg) and the
 * list of devices io's configuration put on it.  Devices are named by
 * their index in that list only, so a client can reach nothing else: a
 * device that is not on its bus has no index and gets -L4_ENODEV.
 * Protocol: include/l4/io/vbus.h and docs/io.md.
 */
#include "io.h"

#include <stdio.h>
#include <string.h>

#include <l4/io/vbus.h>
#include <l4/sys/err.h>

int io_bus_create(const char *name, l4_cap_idx_t gate)
{
	int obj = io_obj_new(IO_OBJ_BUS, gate);

	if (obj >= 0)
		snprintf(io_obj(obj)->bus.name, sizeof(io_obj(obj)->bus.name), "%s", name);
	return obj;
}

int io_bus_add(int bus, int dev)
{
	struct io_obj *b = io_obj(bus);

	for (unsigned i = 0; i < b->bus.n; i++)
		if (b->bus.devs[i] == dev)
			return 0;
	if (b->bus.n >= IO_MAX_BUS_DEVS)
		return -L4_ENOMEM;
	b->bus.devs[b->bus.n++] = dev;
	return 0;
}

static l4_msgtag_t reply_cap(l4_cap_idx_t cap, unsigned words, unsigned rights)
{
	l4_msg_regs_t *m = l4_utcb_mr();

	m->mr[words] = l4_map_obj_control(0, 0);
	m->mr[words + 1] = l4_obj_fpage(cap, 0, (unsigned char)rights).raw;
	return l4_msgtag(0, words, 1, 0);
}

static long op_mmio(const struct io_dev *d, int dev, unsigned idx, l4_msgtag_t *reply)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	int obj = d->regs[idx < IO_MAX_REGS ? idx : 0].vbus_ds;

	if (!io_reg_valid(dev, idx))
		return -L4_ERANGE;
	/* One dataspace object per region for all vbus clients: never freed. */
	if (!obj) {
		obj = io_iomem_ds(dev, idx, L4_INVALID_CAP);
		if (obj < 0)
			return obj;
		io_devs[dev].regs[idx].vbus_ds = obj;
	}
	m->mr[0] = d->regs[idx].phys;
	m->mr[1] = d->regs[idx].size;
	m->mr[2] = d->regs[idx].phys & 0xfff;
	*reply = reply_cap(io_obj(obj)->gate, 3, L4_CAP_FPAGE_RW);
	return 0;
}

static long op_irq(const struct io_dev *d, int dev, unsigned idx, l4_msgtag_t *reply)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	l4_cap_idx_t irq;
	long err = 0;

	if (idx >= d->nr_irqs)
		return -L4_ERANGE;
	irq = io_irq_get(dev, idx, &err);
	if (l4_is_invalid_cap(irq))
		return err;
	m->mr[0] = d->irqs[idx].intid;
	m->mr[1] = d->irqs[idx].mode;
	*reply = reply_cap(irq, 2, L4_CAP_FPAGE_RWS);
	return 0;
}

static long vbus_op(struct io_obj *b, l4_umword_t label, l4_msgtag_t tag, l4_msgtag_t *reply)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	unsigned words = l4_msgtag_words(tag);
	char match[IO_ERR_MAX], err[IO_ERR_MAX];
	const struct io_dev *d;
	int dev, i;
	size_t n;

	if (m->mr[0] == L4REC_VBUS_OP_COUNT) {
		m->mr[0] = b->bus.n;
		*reply = l4_msgtag(0, 1, 0, 0);
		return 0;
	}
	if (m->mr[0] == L4REC_VBUS_OP_FIND) {
		if (words < 2 || m->mr[1] >= sizeof(match) || (m->mr[1] + 7) / 8 > words - 2)
			return -L4_EINVAL;
		memcpy(match, &m->mr[2], m->mr[1]);
		match[m->mr[1]] = 0;
		i = io_match(match, b->bus.devs, b->bus.n, err);
		if (i < 0)
			return i;
		m->mr[0] = (unsigned)i;
		*reply = l4_msgtag(0, 1, 0, 0);
		return 0;
	}
	if (words < 2 || m->mr[1] >= b->bus.n)
		return -L4_ENODEV;
	dev = b->bus.devs[m->mr[1]];
	d = &io_devs[dev];
	switch (m->mr[0]) {
	case L4REC_VBUS_OP_DEVICE:
		/* First: reading the id may map the registers (IPC to sigma0, UTCB gone). */
		m->mr[2] = (unsigned)io_virtio_id(dev);
		m->mr[0] = d->nr_regs;
		m->mr[1] = d->nr_irqs;
		n = strlen(d->name);
		m->mr[3] = n;
		memcpy(&m->mr[4], d->name, n);
		*reply = l4_msgtag(0, 4 + (unsigned)((n + 7) / 8), 0, 0);
		return 0;
	case L4REC_VBUS_OP_MMIO:
		return words < 3 ? -L4_EINVAL : op_mmio(d, dev, (unsigned)m->mr[2], reply);
	case L4REC_VBUS_OP_IRQ:
		return words < 3 ? -L4_EINVAL : op_irq(d, dev, (unsigned)m->mr[2], reply);
	case L4REC_VBUS_OP_PCI_INFO:
	case L4REC_VBUS_OP_PCI_CFG_READ:
	case L4REC_VBUS_OP_PCI_CFG_WRITE:
	case L4REC_VBUS_OP_PCI_BAR:
		return io_vbus_pci_op(dev, m->mr[0], words, label, reply);
	default:
		return -L4_ENOSYS;
	}
}

bool io_vbus_handle(int obj, l4_umword_t label, l4_msgtag_t tag, l4_msgtag_t *reply)
{
	long r;

	if (l4_msgtag_label(tag) != L4REC_PROTO_VBUS || l4_msgtag_words(tag) < 1) {
		*reply = l4_msgtag(l4_msgtag_label(tag) != L4REC_PROTO_VBUS ? -L4_EBADPROTO :
									      -L4_EINVAL,
				   0, 0, 0);
		return true;
	}
	*reply = l4_msgtag(0, 0, 0, 0);
	r = vbus_op(io_obj(obj), label, tag, reply);
	if (r < 0)
		*reply = l4_msgtag(r, 0, 0, 0);
	return true;
}
