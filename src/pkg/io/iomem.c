// SPDX-License-Identifier: MIT
/*
 * Device registers: each region the device tree names is mapped into io
 * once, uncached, from sigma0 (whole pages, into an area reserved in io's
 * region map), and served as a dataspace: Dataspace MAP answers with a map
 * item of io's page and the uncached attribute, so whoever attaches the
 * dataspace (moe pages it on, keeping the attribute) gets device memory.
 *
 * A dataspace is the page window around the registers: offset 0 is the
 * first page, the registers start at (phys & 0xfff), which STATS reports
 * as a third word (L4ReC).  Devices sharing a page (virtio-mmio
 * transports, 0x200 bytes each) share it in their dataspaces too: page
 * granularity is all the MMU gives.
 */
#include "io.h"

#include <stdio.h>

#include <l4/re/c/dataspace.h>
#include <l4/re/c/rm.h>
#include <l4/re/env.h>
#include <l4/re/protocols.h>
#include <l4/re/c/util/cap_alloc.h>
#include <l4/sigma0/sigma0.h>
#include <l4/sys/consts.h>
#include <l4/sys/err.h>
#include <l4/sys/factory.h>

static uint64_t window(const struct io_reg *r)
{
	return l4_round_page(r->phys + r->size) - (r->phys & L4_PAGEMASK);
}

/* Does the device have register region reg? (A PCI function's empty BARs are empty regions.) */
bool io_reg_valid(int dev, unsigned reg)
{
	return reg < io_devs[dev].nr_regs && io_devs[dev].regs[reg].size;
}

int io_iomem_map(int dev, unsigned reg)
{
	struct io_reg *r = &io_devs[dev].regs[reg];
	l4_addr_t va = 0;
	int err;

	if (r->va)
		return 0;
	err = l4re_rm_reserve_area(&va, window(r), L4RE_RM_F_SEARCH_ADDR, L4_PAGESHIFT);
	if (err < 0)
		return err;
	err = l4sigma0_map_iomem(io_sigma0, r->phys & L4_PAGEMASK, va, window(r), 0);
	if (err < 0) {
		printf("io: %s: sigma0 refused its registers %#llx+%#llx: %s\n", io_devs[dev].name,
		       (unsigned long long)r->phys, (unsigned long long)r->size,
		       l4sigma0_map_errstr(err));
		l4re_rm_free_area(va);
		return -L4_ENOMEM;
	}
	r->va = va;
	return 0;
}

/* A dataspace object for the region; a new gate of io's own if gate is invalid. */
int io_iomem_ds(int dev, unsigned reg, l4_cap_idx_t gate)
{
	int obj, err = io_iomem_map(dev, reg);

	if (err < 0)
		return err;
	if (l4_is_invalid_cap(gate)) {
		gate = l4re_util_cap_alloc();
		if (l4_is_invalid_cap(gate))
			return -L4_ENOMEM;
		err = (int)l4_error(
			l4_factory_create_gate(l4re_env()->factory, gate, L4_INVALID_CAP, 0));
		if (err < 0)
			return err;
	}
	obj = io_obj_new(IO_OBJ_DS, gate);
	if (obj < 0)
		return obj;
	io_obj(obj)->ds.dev = dev;
	io_obj(obj)->ds.reg = (int)reg;
	return obj;
}

static long ds_op(const struct io_reg *r, bool writable, l4_msgtag_t tag, l4_msgtag_t *reply)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	uint64_t offs = m->mr[1] & L4_PAGEMASK;
	unsigned rights;

	switch (m->mr[0]) {
	case L4RE_DS_OP_MAP:
		rights = (unsigned)m->mr[2] & L4RE_DS_F_RW;
		if (l4_msgtag_words(tag) < 6)
			return -L4_EINVAL;
		if (offs >= window(r))
			return -L4_ERANGE;
		if ((rights & L4RE_DS_F_W) && !writable)
			return -L4_EPERM;
		/* Never executable; W only for a writable capability. */
		rights = writable ? L4RE_DS_F_RW : L4RE_DS_F_R;
		m->mr[0] = l4_map_control(m->mr[3] & L4_PAGEMASK, L4_FPAGE_UNCACHEABLE, 0);
		m->mr[1] = l4_fpage(r->va + offs, L4_PAGESHIFT, (unsigned char)rights).raw;
		*reply = l4_msgtag(0, 0, 1, 0);
		return 0;
	case L4RE_DS_OP_STATS:
		m->mr[0] = window(r);
		m->mr[1] = writable ? L4RE_DS_F_RW : L4RE_DS_F_R;
		m->mr[2] = r->phys & ~L4_PAGEMASK;
		*reply = l4_msgtag(0, 3, 0, 0);
		return 0;
	case L4REC_DS_OP_PHYS:
		if (m->mr[1] >= window(r))
			return -L4_ERANGE;
		m->mr[0] = (r->phys & L4_PAGEMASK) + m->mr[1];
		m->mr[1] = window(r) - m->mr[1];
		*reply = l4_msgtag(0, 2, 0, 0);
		return 0;
	case L4RE_DS_OP_TAKE:
	case L4RE_DS_OP_ALLOCATE:
		return 0;
	case L4RE_DS_OP_RELEASE:
		return 1; /* device memory is never freed */
	case L4RE_DS_OP_CLEAR:
	case L4RE_DS_OP_COPY_IN:
		return -L4_EPERM;
	default:
		return -L4_ENOSYS;
	}
}

bool io_ds_handle(int obj, l4_umword_t label, l4_msgtag_t tag, l4_msgtag_t *reply)
{
	const struct io_obj *o = io_obj(obj);
	long r;

	if (l4_msgtag_label(tag) != L4RE_PROTO_DATASPACE || l4_msgtag_words(tag) < 1) {
		*reply = l4_msgtag(l4_msgtag_label(tag) != L4RE_PROTO_DATASPACE ? -L4_EBADPROTO :
										  -L4_EINVAL,
				   0, 0, 0);
		return true;
	}
	*reply = l4_msgtag(0, 0, 0, 0);
	r = ds_op(&io_devs[o->ds.dev].regs[o->ds.reg], label & L4_CAP_FPAGE_W, tag, reply);
	if (r != 0)
		*reply = l4_msgtag(r, 0, 0, 0);
	return true;
}
