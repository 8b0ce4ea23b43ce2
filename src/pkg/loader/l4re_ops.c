// SPDX-License-Identifier: MIT
/*
 * l4_loader_l4re_ops: the loader's memory and region-map needs served by
 * the caller's own L4Re environment (libl4re), as in ned.
 */
#include <l4/loader/loader.h>
#include <l4/re/c/mem_alloc.h>
#include <l4/re/c/rm.h>
#include <l4/re/c/util/cap_alloc.h>
#include <l4/re/protocols.h>
#include <l4/sys/err.h>
#include <l4/sys/ipc.h>

static long ds_alloc(void *ctx, l4_cap_idx_t ma, unsigned long size, l4_cap_idx_t *ds)
{
	l4_cap_idx_t c = l4re_util_cap_alloc();
	long err;

	(void)ctx;
	if (l4_is_invalid_cap(c))
		return -L4_ENOMEM;
	err = l4re_ma_alloc_align_srv(ma, (long)size, c, 0, 0);
	if (err < 0) {
		l4re_util_cap_free(c);
		return err;
	}
	*ds = c;
	return 0;
}

static void ds_free(void *ctx, l4_cap_idx_t ds)
{
	(void)ctx;
	l4re_ma_free_srv(L4_INVALID_CAP, ds);
	l4re_util_cap_free_um(ds);
}

static long ds_size(void *ctx, l4_cap_idx_t ds, unsigned long *size)
{
	l4re_ds_stats_t st;
	int err = l4re_ds_info(ds, &st);

	(void)ctx;
	if (err < 0)
		return err;
	*size = st.size;
	return 0;
}

static long attach(void *ctx, l4_cap_idx_t ds, unsigned long offs, unsigned long size, int rw,
		   void **addr)
{
	(void)ctx;
	*addr = 0;
	return l4re_rm_attach(addr, size, L4RE_RM_F_SEARCH_ADDR | (rw ? L4RE_RM_F_RW : L4RE_RM_F_R),
			      ds, offs, L4_PAGESHIFT);
}

static void detach(void *ctx, void *addr, unsigned long size)
{
	(void)ctx;
	(void)size;
	l4re_rm_detach(addr);
}

static long rm_create(void *ctx, l4_cap_idx_t ma, char const *name, l4_cap_idx_t *rm)
{
	l4_cap_idx_t c = l4re_util_cap_alloc();
	long err;

	(void)ctx;
	if (l4_is_invalid_cap(c))
		return -L4_ENOMEM;
	err = l4re_ma_create_rm_srv(ma, c, name);
	if (err < 0) {
		l4re_util_cap_free(c);
		return err;
	}
	*rm = c;
	return 0;
}

static long rm_attach(void *ctx, l4_cap_idx_t rm, l4_addr_t addr, unsigned long size,
		      unsigned flags, l4_cap_idx_t ds, unsigned long offs)
{
	void *a = (void *)addr;

	(void)ctx;
	/* The child's selector of the dataspace is unknown to it: none. */
	return l4re_rm_attach_srv(rm, &a, size, flags, ds, offs, L4_PAGESHIFT);
}

static void rm_release(void *ctx, l4_cap_idx_t rm)
{
	l4_utcb_t *u = l4_utcb();

	(void)ctx;
	l4_utcb_mr_u(u)->mr[0] = L4REC_RM_OP_RELEASE;
	l4_ipc_call(rm, u, l4_msgtag(L4RE_PROTO_RM, 1, 0, 0), L4_IPC_NEVER);
	l4re_util_cap_free_um(rm);
}

l4_cap_idx_t l4_loader_cap_alloc(void *ctx)
{
	(void)ctx;
	return l4re_util_cap_alloc();
}

void l4_loader_cap_free(void *ctx, l4_cap_idx_t cap)
{
	(void)ctx;
	l4re_util_cap_free_um(cap);
}

const struct l4_loader_ops l4_loader_l4re_ops = {
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
