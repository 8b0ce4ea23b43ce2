// SPDX-License-Identifier: MIT
/*
 * Dataspace client stubs (docs/runtime.md, "Dataspace").
 */
#include <l4/re/c/dataspace.h>
#include <l4/re/protocols.h>
#include <l4/sys/err.h>

#include "msg.h"

static long ds_call(l4re_ds_t ds, l4_utcb_t *u, unsigned words, unsigned items)
{
	return l4re_msg_call(ds, u, l4_msgtag(L4RE_PROTO_DATASPACE, words, items, 0));
}

int l4re_ds_map(l4re_ds_t ds, l4re_ds_offset_t offset, l4re_ds_flags_t flags,
		l4re_ds_map_addr_t local_addr, l4re_ds_map_addr_t min_addr,
		l4re_ds_map_addr_t max_addr)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t *m = l4_utcb_mr_u(u);
	l4_buf_regs_t *b = l4_utcb_br_u(u);

	m->mr[0] = L4RE_DS_OP_MAP;
	m->mr[1] = offset;
	m->mr[2] = flags;
	m->mr[3] = local_addr;
	m->mr[4] = min_addr;
	m->mr[5] = max_addr;
	b->bdr = 0;
	b->br[0] = L4_ITEM_MAP;
	b->br[1] = l4_fpage_all().raw;
	b->br[2] = 0;
	return (int)ds_call(ds, u, 6, 0);
}

int l4re_ds_map_region(l4re_ds_t ds, l4re_ds_offset_t offset, l4re_ds_flags_t flags,
		       l4re_ds_map_addr_t min_addr, l4re_ds_map_addr_t max_addr)
{
	for (l4_addr_t a = l4_trunc_page(min_addr); a < max_addr; a += L4_PAGESIZE) {
		int err = l4re_ds_map(ds, offset + (a - l4_trunc_page(min_addr)), flags, a,
				      min_addr, max_addr);

		if (err < 0)
			return err;
	}
	return 0;
}

long l4re_ds_clear(l4re_ds_t ds, l4re_ds_offset_t offset, l4re_ds_size_t size)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t *m = l4_utcb_mr_u(u);

	m->mr[0] = L4RE_DS_OP_CLEAR;
	m->mr[1] = offset;
	m->mr[2] = size;
	return ds_call(ds, u, 3, 0);
}

long l4re_ds_allocate(l4re_ds_t ds, l4re_ds_offset_t offset, l4re_ds_size_t size)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t *m = l4_utcb_mr_u(u);

	m->mr[0] = L4RE_DS_OP_ALLOCATE;
	m->mr[1] = offset;
	m->mr[2] = size;
	return ds_call(ds, u, 3, 0);
}

int l4re_ds_copy_in(l4re_ds_t ds, l4re_ds_offset_t dst_offs, l4re_ds_t src,
		    l4re_ds_offset_t src_offs, l4re_ds_size_t size)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t *m = l4_utcb_mr_u(u);

	m->mr[0] = L4RE_DS_OP_COPY_IN;
	m->mr[1] = dst_offs;
	m->mr[2] = src_offs;
	m->mr[3] = size;
	l4re_msg_put_cap(u, 4, src, L4_CAP_FPAGE_RO);
	return (int)ds_call(ds, u, 4, 1);
}

int l4re_ds_info(l4re_ds_t ds, l4re_ds_stats_t *stats)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t *m = l4_utcb_mr_u(u);
	long err;

	m->mr[0] = L4RE_DS_OP_STATS;
	err = ds_call(ds, u, 1, 0);
	if (err < 0)
		return (int)err;
	stats->size = m->mr[0];
	stats->flags = m->mr[1];
	return 0;
}

l4re_ds_size_t l4re_ds_size(l4re_ds_t ds)
{
	l4re_ds_stats_t st = { 0, 0 };
	int err = l4re_ds_info(ds, &st);

	return err < 0 ? (l4re_ds_size_t)(long)err : st.size;
}

l4re_ds_flags_t l4re_ds_flags(l4re_ds_t ds)
{
	l4re_ds_stats_t st = { 0, 0 };
	int err = l4re_ds_info(ds, &st);

	return err < 0 ? (l4re_ds_flags_t)(long)err : st.flags;
}

int l4re_ds_phys(l4re_ds_t ds, l4re_ds_offset_t offset, l4_addr_t *phys, l4_size_t *contig)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t *m = l4_utcb_mr_u(u);
	long err;

	m->mr[0] = L4REC_DS_OP_PHYS;
	m->mr[1] = offset;
	err = ds_call(ds, u, 2, 0);
	if (err < 0)
		return (int)err;
	*phys = m->mr[0];
	*contig = m->mr[1];
	return 0;
}
