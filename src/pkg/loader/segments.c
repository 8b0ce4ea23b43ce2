// SPDX-License-Identifier: MIT
/*
 * PT_LOAD segments into the child's region map.  Segments are grouped
 * into page-granular runs; a run whose pages another segment also touches
 * is merged (rights united).  A run of one read-only segment whose file
 * bytes fill it and whose file offset is congruent to its address is
 * attached straight from the image dataspace (shared, never copied);
 * every other run gets a fresh zero-filled dataspace the segment bytes are
 * copied into, so .bss is zero and writes stay private.
 */
#include "loader_priv.h"

#include <l4/re/c/rm.h>
#include <l4/sys/consts.h>
#include <l4/sys/err.h>

#define LDR_MAX_RUNS 16

struct ldr_run {
	uint64_t lo, hi; /* page-aligned child range */
	unsigned rights; /* L4RE_RM_F_R/W/X */
	bool copy;
	unsigned first, last; /* program header indices */
};

static unsigned seg_rights(uint32_t f)
{
	return (f & LDR_PF_R ? L4RE_RM_F_R : 0) | (f & LDR_PF_W ? L4RE_RM_F_W : 0) |
	       (f & LDR_PF_X ? L4RE_RM_F_X : 0);
}

static long make_runs(const struct ldr_image *img, struct ldr_run *runs, unsigned *nr)
{
	*nr = 0;
	for (unsigned i = 0; i < img->eh->e_phnum; i++) {
		const struct ldr_phdr *p = &img->ph[i];
		uint64_t lo = p->p_vaddr & L4_PAGEMASK, hi = l4_round_page(p->p_vaddr + p->p_memsz);
		struct ldr_run *r = *nr ? &runs[*nr - 1] : NULL;

		if (p->p_type != LDR_PT_LOAD || !p->p_memsz)
			continue;
		if (r && lo < r->hi) {
			if (lo < r->lo)
				return -L4_EINVAL; /* PT_LOADs must be sorted (gABI) */
			r->hi = hi > r->hi ? hi : r->hi;
			r->rights |= seg_rights(p->p_flags);
			r->copy = true;
			r->last = i;
			continue;
		}
		if (*nr == LDR_MAX_RUNS)
			return -L4_EINVAL;
		r = &runs[(*nr)++];
		r->lo = lo;
		r->hi = hi;
		r->rights = seg_rights(p->p_flags);
		r->first = r->last = i;
		r->copy = (p->p_flags & LDR_PF_W) || p->p_filesz != p->p_memsz ||
			  ((p->p_offset ^ p->p_vaddr) & ~L4_PAGEMASK);
	}
	return *nr ? 0 : -L4_EINVAL;
}

static long load_copy(struct ldr_ctx *c, const struct ldr_run *r)
{
	struct l4_loader_ops const *ops = c->ops;
	unsigned long size = r->hi - r->lo;
	l4_cap_idx_t ds;
	unsigned char *buf;
	long err;

	err = ops->ds_alloc(ops->ctx, c->p->mem_alloc, size, &ds);
	if (err < 0)
		return err;
	err = ops->attach(ops->ctx, ds, 0, size, 1, (void **)&buf);
	if (err < 0)
		goto free_ds;
	for (unsigned i = r->first; i <= r->last; i++) {
		const struct ldr_phdr *p = &c->img.ph[i];

		if (p->p_type == LDR_PT_LOAD && p->p_memsz)
			memcpy(buf + (p->p_vaddr - r->lo), c->img.data + p->p_offset, p->p_filesz);
	}
	if (r->rights & L4RE_RM_F_X)
		ldr_sync_icache(buf, size);
	ops->detach(ops->ctx, buf, size);
	err = ops->rm_attach(ops->ctx, c->app->rm, r->lo, size, r->rights, ds, 0);
free_ds:
	/* On success the region map holds its own reference. */
	ops->ds_free(ops->ctx, ds);
	return err;
}

long ldr_segments_load(struct ldr_ctx *c)
{
	struct ldr_run runs[LDR_MAX_RUNS];
	unsigned nr;
	long err = make_runs(&c->img, runs, &nr);

	for (unsigned i = 0; !err && i < nr; i++) {
		const struct ldr_run *r = &runs[i];
		const struct ldr_phdr *p = &c->img.ph[r->first];

		if (r->copy)
			err = load_copy(c, r);
		else
			err = c->ops->rm_attach(c->ops->ctx, c->app->rm, r->lo, r->hi - r->lo,
						r->rights, c->p->bin, p->p_offset & L4_PAGEMASK);
	}
	return err;
}
