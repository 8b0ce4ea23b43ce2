// SPDX-License-Identifier: MIT
/*
 * l4re-libc backend: anonymous memory (mmap, munmap) over dataspaces.
 * Every mmap is one fresh zero-filled dataspace from env->mem_alloc,
 * attached read-write by the region map (env->rm) at an address it picks;
 * munmap of the whole mapping detaches it and frees the dataspace, so
 * memory musl's malloc gives back is back at moe at once.  A munmap of
 * part of a mapping re-attaches the parts that stay; their dataspace is
 * freed when the last part goes.  brk always fails and mprotect/madvise are
 * no-ops (syscall.c): memory is always read-write, there are no guard pages.
 *
 * The mappings are kept in a list of records that live in pages of their
 * own (a malloc here would recurse into musl's malloc, which calls us).
 */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#include <l4/re/c/mem_alloc.h>
#include <l4/re/c/rm.h>
#include <l4/re/c/util/cap_alloc.h>

#include "backend.h"
#include "lock.h"

/* A dataspace shared by the parts of a split mapping. */
struct mem_ds {
	l4_cap_idx_t cap;
	unsigned parts;
};

struct mem_region {
	struct mem_region *next;
	l4_addr_t start;
	size_t size;
	uint64_t offset; /* of start in the dataspace */
	struct mem_ds *ds;
};

union mem_rec {
	union mem_rec *free_next;
	struct mem_region region;
	struct mem_ds ds;
};

static struct __l4libc_lock mem_lock;
/* protected by mem_lock */
static struct mem_region *regions;
static union mem_rec *free_recs;

/* A dataspace of len bytes attached read-write somewhere; 0 or -errno. */
static long map_new(size_t len, l4_cap_idx_t *ds, l4_addr_t *addr)
{
	void *a = NULL;
	long r;

	*ds = __l4libc_cap_alloc();
	if (l4_is_invalid_cap(*ds))
		return -ENOMEM;
	r = l4re_ma_alloc(len, *ds, 0);
	if (r < 0)
		goto free_cap;
	r = l4re_rm_attach(&a, len, L4RE_RM_F_SEARCH_ADDR | L4RE_RM_F_RW, *ds, 0, L4_PAGESHIFT);
	if (r < 0)
		goto free_ds;
	*addr = (l4_addr_t)a;
	return 0;

free_ds:
	l4re_ma_free(*ds);
free_cap:
	__l4libc_cap_release(*ds);
	return r == -L4_ENOMEM || r == -L4_ERANGE ? -ENOMEM : __l4libc_l4err_to_errno(r);
}

static void ds_free(l4_cap_idx_t ds)
{
	l4re_ma_free(ds);
	__l4libc_cap_release(ds);
}

/* A record; mem_lock held.  Refills the pool with a page of its own. */
static union mem_rec *rec_alloc(void)
{
	union mem_rec *r;

	if (!free_recs) {
		l4_cap_idx_t ds = L4_INVALID_CAP;
		l4_addr_t page = 0;

		/* This page is never given back: it holds records for good. */
		if (map_new(L4_PAGESIZE, &ds, &page) < 0 || !page)
			return NULL;
		r = (union mem_rec *)page;
		for (size_t i = 0; i < L4_PAGESIZE / sizeof(*r); i++) {
			r[i].free_next = free_recs;
			free_recs = &r[i];
		}
	}
	r = free_recs;
	free_recs = r->free_next;
	memset(r, 0, sizeof(*r));
	return r;
}

static void rec_free(union mem_rec *r)
{
	r->free_next = free_recs;
	free_recs = r;
}

long __l4libc_sys_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	union mem_rec *rr, *rd;
	l4_cap_idx_t ds = L4_INVALID_CAP;
	l4_addr_t a = 0;
	long r;

	(void)addr;
	(void)prot;
	(void)fd;
	if (!len || (off & (L4_PAGESIZE - 1)))
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS))
		return -ENODEV; /* files are read with read() */
	if (flags & MAP_FIXED)
		return -ENOMEM; /* we do not manage the address space, the region map does */
	len = l4_round_page(len);
	r = map_new(len, &ds, &a);
	if (r < 0)
		return r;
	__l4libc_lock(&mem_lock);
	rr = rec_alloc();
	rd = rr ? rec_alloc() : NULL;
	if (!rd) {
		if (rr)
			rec_free(rr);
		__l4libc_unlock(&mem_lock);
		l4re_rm_detach((void *)a);
		ds_free(ds);
		return -ENOMEM;
	}
	rd->ds.cap = ds;
	rd->ds.parts = 1;
	rr->region.start = a;
	rr->region.size = len;
	rr->region.ds = &rd->ds;
	rr->region.next = regions;
	regions = &rr->region;
	__l4libc_unlock(&mem_lock);
	return a;
}

/*
 * Put back [start, start + size) of region g's dataspace at the same
 * address (the rest of a partly unmapped region); mem_lock held.
 */
static int reattach(struct mem_region *g, l4_addr_t start, size_t size)
{
	union mem_rec *n = rec_alloc();
	void *a = (void *)start;

	if (!n || l4re_rm_attach(&a, size, L4RE_RM_F_RW, g->ds->cap, g->offset + (start - g->start),
				 L4_PAGESHIFT) < 0) {
		if (n)
			rec_free(n);
		return -1;
	}
	n->region.start = start;
	n->region.size = size;
	n->region.offset = g->offset + (start - g->start);
	n->region.ds = g->ds;
	g->ds->parts++;
	n->region.next = regions;
	regions = &n->region;
	return 0;
}

long __l4libc_sys_munmap(void *addr, size_t len)
{
	l4_addr_t s = (l4_addr_t)addr, e;
	struct mem_region **pp, *g;

	if ((s & (L4_PAGESIZE - 1)) || !len)
		return -EINVAL;
	e = s + l4_round_page(len);
	__l4libc_lock(&mem_lock);
	pp = &regions;
	while ((g = *pp)) {
		l4_addr_t gs = g->start, ge = g->start + g->size;

		if (ge <= s || gs >= e) {
			pp = &g->next;
			continue;
		}
		/* Unlink and detach g, then put back what lies outside [s, e). */
		*pp = g->next;
		l4re_rm_detach((void *)gs);
		if (gs < s)
			reattach(g, gs, s - gs);
		if (ge > e)
			reattach(g, e, ge - e);
		if (--g->ds->parts == 0) {
			ds_free(g->ds->cap);
			rec_free((union mem_rec *)g->ds);
		}
		rec_free((union mem_rec *)g);
		/* Re-attached parts went to the list head: restart is simplest. */
		pp = &regions;
	}
	__l4libc_unlock(&mem_lock);
	return 0;
}

void *__l4libc_pages_alloc(size_t len)
{
	long r = __l4libc_sys_mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
				   -1, 0);

	return r < 0 ? NULL : (void *)r;
}
