// SPDX-License-Identifier: MIT
/*
 * libloader's memory and region-map needs served by moe directly: moe is
 * the server of its own dataspaces and region maps and cannot call itself
 * over IPC.  Dataspace memory is mapped 1:1 in moe, so "attaching" is
 * just computing an address.
 */
#include "moe.h"

#include <l4/loader/loader.h>
#include <l4/re/c/util/cap_alloc.h>
#include <l4/sys/err.h>

static long ds_alloc(void *ctx, l4_cap_idx_t ma, unsigned long size, l4_cap_idx_t *ds)
{
	int obj = moe_ds_create(size, 0, 0);

	(void)ctx;
	(void)ma;
	if (obj < 0)
		return obj;
	*ds = moe_obj_cap(obj);
	return 0;
}

static void ds_free(void *ctx, l4_cap_idx_t ds)
{
	int obj = moe_obj_by_cap(ds);

	(void)ctx;
	if (obj >= 0 && moe_obj(obj)->type == MOE_OBJ_DS)
		moe_ds_release(obj);
}

static long ds_size(void *ctx, l4_cap_idx_t ds, unsigned long *size)
{
	int obj = moe_obj_by_cap(ds);

	(void)ctx;
	if (obj < 0 || moe_obj(obj)->type != MOE_OBJ_DS)
		return -L4_EINVAL;
	*size = moe_obj(obj)->ds.size;
	return 0;
}

static long attach(void *ctx, l4_cap_idx_t ds, unsigned long offs, unsigned long size, int rw,
		   void **addr)
{
	int obj = moe_obj_by_cap(ds);

	(void)ctx;
	(void)rw;
	if (obj < 0 || moe_obj(obj)->type != MOE_OBJ_DS || offs > moe_obj(obj)->ds.pages ||
	    size > moe_obj(obj)->ds.pages - offs)
		return -L4_EINVAL;
	*addr = (void *)(moe_obj(obj)->ds.addr + offs);
	return 0;
}

static void detach(void *ctx, void *addr, unsigned long size)
{
	(void)ctx;
	(void)addr;
	(void)size;
}

static long rm_create(void *ctx, l4_cap_idx_t ma, char const *name, l4_cap_idx_t *rm)
{
	int obj = moe_rm_create(name);

	(void)ctx;
	(void)ma;
	if (obj < 0)
		return obj;
	*rm = moe_obj_cap(obj);
	return 0;
}

static long rm_attach(void *ctx, l4_cap_idx_t rm, l4_addr_t addr, unsigned long size,
		      unsigned flags, l4_cap_idx_t ds, unsigned long offs)
{
	uint64_t start = addr;

	(void)ctx;
	return moe_rm_attach(moe_obj_by_cap(rm), &start, size, flags, moe_obj_by_cap(ds), offs,
			     L4_CAP_FPAGE_RWS, L4_INVALID_CAP);
}

static void rm_release(void *ctx, l4_cap_idx_t rm)
{
	int obj = moe_obj_by_cap(rm);

	(void)ctx;
	if (obj >= 0 && moe_obj(obj)->type == MOE_OBJ_RM)
		moe_rm_release(obj);
}

const struct l4_loader_ops moe_loader_ops = {
	.ds_alloc = ds_alloc,
	.ds_free = ds_free,
	.ds_size = ds_size,
	.attach = attach,
	.detach = detach,
	.rm_create = rm_create,
	.rm_attach = rm_attach,
	.rm_release = rm_release,
	.cap_alloc = l4_loader_cap_alloc,
	.cap_free = l4_loader_cap_free,
	.ctx = 0,
};
