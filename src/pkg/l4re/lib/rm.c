// SPDX-License-Identifier: MIT
/*
 * Region-map client stubs (docs/runtime.md, "Region map").  Detach unmaps
 * the region from the given task here, on the client side, as L4Re does:
 * the server does not hold the client's task capability.
 */
#include <l4/re/c/rm.h>
#include <l4/re/protocols.h>
#include <l4/sys/err.h>
#include <l4/sys/task.h>

#include "msg.h"

static long rm_call(l4_cap_idx_t rm, l4_utcb_t *u, unsigned words, unsigned items)
{
	return l4re_msg_call(rm, u, l4_msgtag(L4RE_PROTO_RM, words, items, 0));
}

int l4re_rm_attach_srv(l4_cap_idx_t rm, void **start, unsigned long size, l4re_rm_flags_t flags,
		       l4re_ds_t mem, l4re_rm_offset_t offs, unsigned char align)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t *m = l4_utcb_mr_u(u);
	long err;

	m->mr[0] = L4RE_RM_OP_ATTACH;
	m->mr[1] = (l4_umword_t)*start;
	m->mr[2] = size;
	m->mr[3] = flags;
	m->mr[4] = offs;
	m->mr[5] = align;
	m->mr[6] = mem;
	l4re_msg_put_cap(u, 7, mem, L4_CAP_FPAGE_RWS);
	err = rm_call(rm, u, 7, 1);
	if (err < 0)
		return (int)err;
	*start = (void *)m->mr[0];
	return 0;
}

/* Unmap [start, start + size) from task in naturally aligned flexpages. */
static void unmap_range(l4_cap_idx_t task, l4_addr_t start, unsigned long size)
{
	l4_addr_t end = start + size;

	while (start < end) {
		unsigned order = L4_PAGESHIFT;

		while (order < 47 && !(start & ((1UL << (order + 1)) - 1)) &&
		       start + (1UL << (order + 1)) <= end)
			order++;
		l4_task_unmap(task, l4_fpage(start, order, L4_FPAGE_RWX), L4_FP_ALL_SPACES);
		start += 1UL << order;
	}
}

int l4re_rm_detach_srv(l4_cap_idx_t rm, l4_addr_t addr, l4re_ds_t *ds, l4_cap_idx_t task)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t *m = l4_utcb_mr_u(u);
	l4_addr_t start;
	unsigned long size;
	long err;

	m->mr[0] = L4RE_RM_OP_DETACH;
	m->mr[1] = addr;
	err = rm_call(rm, u, 2, 0);
	if (err < 0)
		return (int)err;
	start = m->mr[0];
	size = m->mr[1];
	if (ds)
		*ds = m->mr[2];
	if (l4_is_valid_cap(task))
		unmap_range(task, start, size);
	return (int)err;
}

int l4re_rm_find_srv(l4_cap_idx_t rm, l4_addr_t *addr, unsigned long *size,
		     l4re_rm_offset_t *offset, l4re_rm_flags_t *flags, l4re_ds_t *m_ds)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t *m = l4_utcb_mr_u(u);
	long err;

	m->mr[0] = L4RE_RM_OP_FIND;
	m->mr[1] = *addr;
	m->mr[2] = *size;
	err = rm_call(rm, u, 3, 0);
	if (err < 0)
		return (int)err;
	*addr = m->mr[0];
	*size = m->mr[1];
	if (offset)
		*offset = m->mr[2];
	if (flags)
		*flags = (l4re_rm_flags_t)m->mr[3];
	if (m_ds)
		*m_ds = m->mr[4];
	return 0;
}

int l4re_rm_reserve_area_srv(l4_cap_idx_t rm, l4_addr_t *start, unsigned long size,
			     l4re_rm_flags_t flags, unsigned char align)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t *m = l4_utcb_mr_u(u);
	long err;

	m->mr[0] = L4RE_RM_OP_RESERVE_AREA;
	m->mr[1] = *start;
	m->mr[2] = size;
	m->mr[3] = flags;
	m->mr[4] = align;
	err = rm_call(rm, u, 5, 0);
	if (err < 0)
		return (int)err;
	*start = m->mr[0];
	return 0;
}

int l4re_rm_free_area_srv(l4_cap_idx_t rm, l4_addr_t addr)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t *m = l4_utcb_mr_u(u);

	m->mr[0] = L4RE_RM_OP_FREE_AREA;
	m->mr[1] = addr;
	return (int)rm_call(rm, u, 2, 0);
}

void l4re_rm_show_lists_srv(l4_cap_idx_t rm)
{
	(void)rm;
}
