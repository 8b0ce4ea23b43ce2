// SPDX-License-Identifier: MIT
/*
 * Region maps: per task a sorted list of regions (dataspace, offset,
 * rights) from a shared pool.  Protocol: docs/runtime.md, "Region map";
 * the page faults of the task's threads are resolved in pager.c from
 * these lists.  A region may also hold another server's dataspace (ds -1,
 * fds its capability in moe's space): foreign_ds.c pages those.
 */
#include "moe.h"

#include <l4/loader/loader.h>
#include <l4/re/c/rm.h>
#include <l4/re/protocols.h>
#include <l4/sys/consts.h>
#include <l4/sys/err.h>
#include <l4/util/string.h>

#define MOE_MAX_REGIONS 4096
#define MOE_RM_SEARCH_START 0x10000000UL
#define MOE_RM_SEARCH_END (L4_LOADER_STACK_TOP - (16UL << 20))

struct moe_region {
	uint64_t start, size, offs;
	unsigned flags;	  /* L4RE_RM_F_* region flags (rights, RESERVED) */
	int ds;		  /* object, -1 for a reserved area or a foreign dataspace */
	l4_cap_idx_t fds; /* foreign dataspace (moe's slot), else L4_INVALID_CAP */
	uint64_t win;	  /* foreign: moe's window for the region's first page */
	l4_cap_idx_t client_ds;
	int next; /* next region of the same rm, -1: end; free list when unused */
};

static struct moe_region regions[MOE_MAX_REGIONS];
static int free_list = -1;
static bool pool_ready;

static int region_new(void)
{
	int r;

	if (!pool_ready) {
		for (int i = MOE_MAX_REGIONS - 1; i >= 0; i--) {
			regions[i].next = free_list;
			free_list = i;
		}
		pool_ready = true;
	}
	r = free_list;
	if (r >= 0)
		free_list = regions[r].next;
	return r;
}

static void region_free(int r)
{
	if (regions[r].ds >= 0)
		moe_ds_release(regions[r].ds);
	if (!l4_is_invalid_cap(regions[r].fds))
		moe_foreign_release(regions[r].fds, regions[r].win, regions[r].size);
	regions[r].next = free_list;
	free_list = r;
}

int moe_rm_create(const char *name)
{
	int obj = moe_obj_new(MOE_OBJ_RM);

	if (obj < 0)
		return obj;
	strlcpy(moe_obj(obj)->rm.name, name && *name ? name : "?", MOE_NAME_MAX);
	moe_obj(obj)->rm.regions = -1;
	return obj;
}

/* Is [start, start + size) free? *prev: the region after which it goes. */
static bool range_free(const struct moe_rm *rm, uint64_t start, uint64_t size, int *prev)
{
	*prev = -1;
	for (int r = rm->regions; r >= 0; r = regions[r].next) {
		if (regions[r].start >= start + size)
			break;
		if (regions[r].start + regions[r].size > start)
			return false;
		*prev = r;
	}
	return true;
}

/* First free aligned range at or above *start. */
static bool search(const struct moe_rm *rm, uint64_t *start, uint64_t size, unsigned align)
{
	uint64_t a = 1ULL << align, s = *start < MOE_RM_SEARCH_START ? MOE_RM_SEARCH_START : *start;
	int prev;

	s = (s + a - 1) & ~(a - 1);
	while (s + size <= MOE_RM_SEARCH_END && s + size > s) {
		int r;

		if (range_free(rm, s, size, &prev)) {
			*start = s;
			return true;
		}
		/* Skip past the region in the way. */
		r = prev >= 0 ? regions[prev].next : rm->regions;
		while (r >= 0 && regions[r].start + regions[r].size <= s)
			r = regions[r].next;
		if (r < 0)
			return false;
		s = (regions[r].start + regions[r].size + a - 1) & ~(a - 1);
	}
	return false;
}

static long insert(struct moe_rm *rm, uint64_t *start, uint64_t size, unsigned flags,
		   unsigned align)
{
	int prev, r;

	if (!size || size & ~L4_PAGEMASK)
		return -L4_EINVAL;
	if (flags & L4RE_RM_F_IN_AREA)
		return -L4_ENOSYS;
	if (align < L4_PAGESHIFT)
		align = L4_PAGESHIFT;
	if (align > 40)
		return -L4_EINVAL;
	if (flags & L4RE_RM_F_SEARCH_ADDR) {
		if (!search(rm, start, size, align))
			return -L4_EADDRNOTAVAIL;
	} else if (*start & ~L4_PAGEMASK || *start + size > L4REC_USER_TOP ||
		   *start + size < *start) {
		return -L4_EADDRNOTAVAIL;
	}
	if (!range_free(rm, *start, size, &prev))
		return -L4_EADDRNOTAVAIL;
	r = region_new();
	if (r < 0)
		return -L4_ENOMEM;
	regions[r] = (struct moe_region){ .start = *start,
					  .size = size,
					  .flags = flags,
					  .ds = -1,
					  .fds = L4_INVALID_CAP,
					  .client_ds = L4_INVALID_CAP };
	if (prev < 0) {
		regions[r].next = rm->regions;
		rm->regions = r;
	} else {
		regions[r].next = regions[prev].next;
		regions[prev].next = r;
	}
	return r;
}

long moe_rm_attach(int rm, uint64_t *start, uint64_t size, unsigned flags, int ds, uint64_t offs,
		   unsigned ds_rights, l4_cap_idx_t client_ds)
{
	struct moe_ds *d;
	long r;

	if (ds < 0 || moe_obj(ds)->type != MOE_OBJ_DS)
		return -L4_EINVAL;
	d = &moe_obj(ds)->ds;
	size = l4_round_page(size);
	if (offs & ~L4_PAGEMASK || offs > d->pages || size > d->pages - offs)
		return -L4_EINVAL;
	/* A read-only capability or module: no W; X needs R at least. */
	if ((flags & L4RE_RM_F_W) && (d->rom || !(ds_rights & L4_CAP_FPAGE_W)))
		return -L4_EPERM;
	r = insert(&moe_obj(rm)->rm, start, size, flags & ~L4RE_RM_F_RESERVED, L4_PAGESHIFT);
	if (r < 0)
		return r;
	regions[r].ds = ds;
	regions[r].offs = offs;
	regions[r].client_ds = client_ds;
	moe_ds_take(ds);
	return 0;
}

long moe_rm_attach_foreign(int rm, uint64_t *start, uint64_t size, unsigned flags, l4_cap_idx_t fds,
			   uint64_t offs, l4_cap_idx_t client_ds)
{
	uint64_t win;
	long r;

	/* The server checks offsets and rights when a page is asked for. */
	size = l4_round_page(size);
	if (offs & ~L4_PAGEMASK || offs + size < offs)
		return -L4_EINVAL;
	win = moe_foreign_window(size);
	if (!win)
		return -L4_ENOMEM;
	r = insert(&moe_obj(rm)->rm, start, size, flags & ~L4RE_RM_F_RESERVED, L4_PAGESHIFT);
	if (r < 0)
		return r;
	regions[r].fds = fds;
	regions[r].win = win;
	regions[r].offs = offs;
	regions[r].client_ds = client_ds;
	return 0;
}

/* The region containing va, -1 if none; *prev its predecessor. */
static int find(const struct moe_rm *rm, uint64_t va, int *prev)
{
	*prev = -1;
	for (int r = rm->regions; r >= 0; *prev = r, r = regions[r].next) {
		if (va < regions[r].start)
			return -1;
		if (va - regions[r].start < regions[r].size)
			return r;
	}
	return -1;
}

static void unlink_region(struct moe_rm *rm, int r, int prev)
{
	if (prev < 0)
		rm->regions = regions[r].next;
	else
		regions[prev].next = regions[r].next;
	region_free(r);
}

unsigned moe_rm_lookup(int rm, uint64_t va, uint64_t *moe_addr)
{
	int prev, r = find(&moe_obj(rm)->rm, va, &prev);
	const struct moe_region *g;

	if (r < 0 || regions[r].ds < 0)
		return 0;
	g = &regions[r];
	*moe_addr = moe_obj(g->ds)->ds.addr + g->offs + (va - g->start);
	return g->flags & L4RE_RM_F_RWX & (moe_obj(g->ds)->ds.rom ? L4RE_RM_F_RX : L4RE_RM_F_RWX);
}

bool moe_rm_foreign(int rm, uint64_t va, struct moe_foreign_page *fp)
{
	int prev, r = find(&moe_obj(rm)->rm, va, &prev);

	if (r < 0 || l4_is_invalid_cap(regions[r].fds))
		return false;
	fp->fds = regions[r].fds;
	fp->offs = regions[r].offs + (va - regions[r].start);
	fp->win = regions[r].win + (va - regions[r].start);
	fp->rights = regions[r].flags & L4RE_RM_F_RWX;
	return true;
}

void moe_rm_release(int rm)
{
	struct moe_rm *m = &moe_obj(rm)->rm;

	while (m->regions >= 0)
		unlink_region(m, m->regions, -1);
	moe_obj_delete(rm);
}

/* ATTACH of a capability that is not one of moe's objects: keep it. */
static long attach_foreign(int obj, l4_msgtag_t tag, uint64_t *start)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	uint64_t size = m->mr[2], offs = m->mr[4];
	unsigned flags = (unsigned)m->mr[3];
	l4_cap_idx_t client_ds = m->mr[6], fds = moe_rcv_take_cap(tag, 0);
	long err;

	if (l4_is_invalid_cap(fds))
		return -L4_EINVAL;
	err = moe_rm_attach_foreign(obj, start, size, flags, fds, offs, client_ds);
	if (err < 0)
		moe_foreign_drop_cap(fds);
	return err;
}

static long rm_op(int obj, l4_msgtag_t tag, l4_msgtag_t *reply)
{
	struct moe_rm *rm = &moe_obj(obj)->rm;
	l4_msg_regs_t *m = l4_utcb_mr();
	unsigned words = l4_msgtag_words(tag), rights = 0;
	uint64_t start = m->mr[1];
	int r, prev, ds;
	long err;

	switch (m->mr[0]) {
	case L4RE_RM_OP_ATTACH:
		ds = moe_rcv_item_obj(tag, 0, &rights);
		if (words < 7)
			return -L4_EINVAL;
		if (ds < 0 && l4_msgtag_items(tag))
			err = attach_foreign(obj, tag, &start);
		else
			err = moe_rm_attach(obj, &start, m->mr[2], (unsigned)m->mr[3], ds, m->mr[4],
					    rights, m->mr[6]);
		if (err < 0)
			return err;
		m->mr[0] = start;
		*reply = l4_msgtag(0, 1, 0, 0);
		return 0;
	case L4RE_RM_OP_DETACH:
	case L4RE_RM_OP_FREE_AREA:
		r = find(rm, start, &prev);
		if (r < 0 || (regions[r].ds < 0) != (m->mr[0] == L4RE_RM_OP_FREE_AREA))
			return -L4_ENOENT;
		m->mr[0] = regions[r].start;
		m->mr[1] = regions[r].size;
		m->mr[2] = regions[r].client_ds;
		unlink_region(rm, r, prev);
		*reply = l4_msgtag(0, 3, 0, 0);
		return 0;
	case L4RE_RM_OP_FIND:
		r = find(rm, start, &prev);
		if (r < 0)
			return -L4_ENOENT;
		m->mr[0] = regions[r].start;
		m->mr[1] = regions[r].size;
		m->mr[2] = regions[r].offs;
		m->mr[3] = regions[r].flags;
		m->mr[4] = regions[r].client_ds;
		*reply = l4_msgtag(0, 5, 0, 0);
		return 0;
	case L4RE_RM_OP_RESERVE_AREA:
		if (words < 5)
			return -L4_EINVAL;
		err = insert(rm, &start, l4_round_page(m->mr[2]),
			     ((unsigned)m->mr[3] & ~L4RE_RM_F_RWX) | L4RE_RM_F_RESERVED,
			     (unsigned)m->mr[4]);
		if (err < 0)
			return err;
		m->mr[0] = start;
		*reply = l4_msgtag(0, 1, 0, 0);
		return 0;
	case L4REC_RM_OP_RELEASE:
		moe_rm_release(obj);
		return 0;
	default:
		return -L4_ENOSYS;
	}
}

bool moe_rm_handle(int obj, l4_umword_t label, l4_msgtag_t tag, l4_msgtag_t *reply)
{
	long err;

	(void)label;
	switch (l4_msgtag_label(tag)) {
	case L4_PROTO_PAGE_FAULT:
		return moe_pager_fault(obj, reply);
	case L4_PROTO_EXCEPTION:
		return moe_pager_exception(obj, reply);
	case L4RE_PROTO_RM:
		break;
	default:
		*reply = moe_reply_err(-L4_EBADPROTO);
		return true;
	}
	if (l4_msgtag_words(tag) < 2 && l4_utcb_mr()->mr[0] != L4REC_RM_OP_RELEASE) {
		*reply = moe_reply_err(-L4_EINVAL);
		return true;
	}
	*reply = l4_msgtag(0, 0, 0, 0);
	err = rm_op(obj, tag, reply);
	if (err < 0)
		*reply = moe_reply_err(err);
	return true;
}
