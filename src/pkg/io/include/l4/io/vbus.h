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
};

struct l4rec_vbus_dev {
	unsigned nr_mmio, nr_irq;
	unsigned virtio_id; /* virtio device id of a virtio-mmio transport, else 0 */
	char name[L4REC_VBUS_NAME_MAX];
};

struct l4rec_vbus_mmio {
	l4_uint64_t phys, size; /* the device's registers */
	l4_uint64_t offset;	/* where they start in the dataspace */
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
