// SPDX-License-Identifier: MIT
/*
 * Dataspaces: anonymous RAM (zero-filled, backed eagerly, physically
 * contiguous) and read-only boot modules.  Protocol: docs/runtime.md,
 * "Dataspace".  A RAM dataspace lives while it has references: one from
 * its allocation, one per region attaching it; at zero its memory is
 * revoked from every task and returned.
 */
#include "moe.h"

#include <l4/re/c/dataspace.h>
#include <l4/re/c/mem_alloc.h>
#include <l4/re/protocols.h>
#include <l4/sys/consts.h>
#include <l4/sys/err.h>
#include <l4/util/string.h>

int moe_ds_create(uint64_t size, unsigned long flags, unsigned align)
{
	unsigned order = align > L4_PAGESHIFT ? align : L4_PAGESHIFT;
	uint64_t addr;
	int obj;

	if (flags & L4RE_MA_SUPER_PAGES && order < L4_SUPERPAGESHIFT)
		order = L4_SUPERPAGESHIFT;
	if (!size || order > 30)
		return -L4_ERANGE;
	addr = moe_phys_alloc(size, order);
	if (!addr)
		return -L4_ENOMEM;
	obj = moe_obj_new(MOE_OBJ_DS);
	if (obj < 0) {
		moe_phys_free(addr, size);
		return obj;
	}
	moe_obj(obj)->ds = (struct moe_ds){
		.addr = addr, .size = size, .pages = l4_round_page(size), .refs = 1
	};
	return obj;
}

int moe_ds_create_rom(uint64_t addr, uint64_t size)
{
	int obj = moe_obj_new(MOE_OBJ_DS);

	if (obj >= 0)
		moe_obj(obj)->ds = (struct moe_ds){ .addr = addr,
						    .size = size,
						    .pages = l4_round_page(size),
						    .rom = true,
						    .refs = 1 };
	return obj;
}

void moe_ds_take(int obj)
{
	moe_obj(obj)->ds.refs++;
}

void moe_ds_release(int obj)
{
	struct moe_ds *ds = &moe_obj(obj)->ds;

	if (ds->rom || --ds->refs)
		return;
	moe_phys_free(ds->addr, ds->pages);
	moe_obj_delete(obj);
}

/* Clip [offs, offs + size) to the dataspace; false if offs is outside. */
static bool clip(const struct moe_ds *ds, uint64_t offs, uint64_t *size)
{
	if (offs > ds->size)
		return false;
	if (*size > ds->size - offs)
		*size = ds->size - offs;
	return true;
}

static long ds_map(struct moe_ds *ds, bool writable, l4_msgtag_t *reply)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	uint64_t offs = m->mr[1] & L4_PAGEMASK, local = m->mr[3];
	unsigned rights = (unsigned)m->mr[2] & L4RE_DS_F_RWX;

	if (offs >= ds->pages)
		return -L4_ERANGE;
	if ((rights & L4RE_DS_F_W) && !writable)
		return -L4_EPERM;
	if (!rights)
		rights = writable ? L4RE_DS_F_RWX : L4RE_DS_F_RX;
	m->mr[0] = l4_map_control(local & L4_PAGEMASK, 0, 0);
	m->mr[1] = l4_fpage(ds->addr + offs, L4_PAGESHIFT, (unsigned char)rights).raw;
	*reply = l4_msgtag(0, 0, 1, 0);
	return 0;
}

static long ds_copy_in(struct moe_ds *ds, l4_msgtag_t tag)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	uint64_t dst = m->mr[1], src = m->mr[2], size = m->mr[3], ssize = size;
	int sobj = moe_rcv_item_obj(tag, 0, NULL);
	struct moe_ds *s;

	if (sobj < 0 || moe_obj(sobj)->type != MOE_OBJ_DS)
		return -L4_EINVAL;
	s = &moe_obj(sobj)->ds;
	if (!clip(ds, dst, &size) || !clip(s, src, &ssize))
		return -L4_ERANGE;
	memmove((void *)(ds->addr + dst), (void *)(s->addr + src), size < ssize ? size : ssize);
	return 0;
}

static long ds_op(int obj, bool writable, l4_msgtag_t tag, l4_msgtag_t *reply)
{
	struct moe_ds *ds = &moe_obj(obj)->ds;
	l4_msg_regs_t *m = l4_utcb_mr();
	uint64_t size;

	if (ds->rom)
		writable = false;
	switch (m->mr[0]) {
	case L4RE_DS_OP_MAP:
		return l4_msgtag_words(tag) < 6 ? -L4_EINVAL : ds_map(ds, writable, reply);
	case L4RE_DS_OP_CLEAR:
		if (!writable)
			return -L4_EPERM;
		size = m->mr[2];
		if (!clip(ds, m->mr[1], &size))
			return -L4_ERANGE;
		memset((void *)(ds->addr + m->mr[1]), 0, size);
		return 0;
	case L4RE_DS_OP_STATS:
		m->mr[0] = ds->size;
		m->mr[1] = writable ? L4RE_DS_F_RWX : L4RE_DS_F_RX;
		*reply = l4_msgtag(0, 2, 0, 0);
		return 0;
	case L4RE_DS_OP_COPY_IN:
		return !writable ? -L4_EPERM : ds_copy_in(ds, tag);
	case L4RE_DS_OP_TAKE:
		if (!ds->rom)
			ds->refs++;
		return 0;
	case L4RE_DS_OP_RELEASE:
		if (ds->rom)
			return 1;
		size = ds->refs - 1;
		moe_ds_release(obj);
		return (long)size;
	case L4RE_DS_OP_ALLOCATE:
		size = m->mr[2];
		return clip(ds, m->mr[1], &size) ? 0 : -L4_ERANGE;
	case L4REC_DS_OP_PHYS:
		if (m->mr[1] >= ds->pages)
			return -L4_ERANGE;
		m->mr[0] = ds->addr + m->mr[1];
		m->mr[1] = ds->pages - m->mr[1];
		*reply = l4_msgtag(0, 2, 0, 0);
		return 0;
	default:
		return -L4_ENOSYS;
	}
}

bool moe_ds_handle(int obj, l4_umword_t label, l4_msgtag_t tag, l4_msgtag_t *reply)
{
	long r;

	if (l4_msgtag_label(tag) != L4RE_PROTO_DATASPACE) {
		*reply = moe_reply_err(-L4_EBADPROTO);
		return true;
	}
	if (l4_msgtag_words(tag) < 1) {
		*reply = moe_reply_err(-L4_EINVAL);
		return true;
	}
	*reply = l4_msgtag(0, 0, 0, 0);
	r = ds_op(obj, label & L4_CAP_FPAGE_W, tag, reply);
	if (r != 0 || l4_msgtag_label(*reply) != 0)
		*reply = moe_reply_err(r);
	return true;
}
