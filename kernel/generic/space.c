// SPDX-License-Identifier: MIT
/*
 * Map, grant and unmap of pages and capabilities between tasks (space.h),
 * and the mapping-node callbacks of the mapping database.  Pages are always
 * handled one 4 KiB page at a time, but only pages that exist in the source
 * are visited, so a large flexpage costs what it maps, not what it spans.
 */
#include <arch/mmu.h>
#include <kmem.h>
#include <kobject.h>
#include <l4/sys/__l4_fpage.h>
#include <l4/sys/consts.h>
#include <l4/sys/err.h>
#include <l4/sys/kip.h>
#include <mapdb.h>
#include <space.h>
#include <task.h>

#define MAX_RESERVED 16

/* Physical memory sigma0 may be given: RAM and device space, minus what the kernel keeps. */
static paddr_t ram_start, ram_end;
static struct {
	paddr_t start, end;
} reserved[MAX_RESERVED];
static unsigned int nr_reserved;

void space_set_ram(paddr_t start, paddr_t end)
{
	ram_start = start;
	ram_end = end;
}

void space_reserve_phys(paddr_t start, paddr_t end)
{
	if (nr_reserved < MAX_RESERVED) {
		reserved[nr_reserved].start = start;
		reserved[nr_reserved].end = end;
		nr_reserved++;
	}
}

static bool phys_reserved(paddr_t pa)
{
	unsigned int i;

	for (i = 0; i < nr_reserved; i++) {
		if (pa >= reserved[i].start && pa < reserved[i].end)
			return true;
	}
	return false;
}

/*
 * Device space goes on above RAM up to what a descriptor holds: QEMU virt
 * puts the PCIe configuration space (ECAM) and the 64-bit PCI memory
 * window there.
 */
#define DEVICE_PHYS_TOP (1UL << 48)

/* Memory type sigma0 gets pa with, or -1 if sigma0 does not own pa. */
static int sigma0_attr(paddr_t pa)
{
	if (phys_reserved(pa))
		return -1;
	if (pa >= ram_start && pa < ram_end)
		return PT_CACHED;
	if (pa < DEVICE_PHYS_TOP)
		return PT_DEVICE;
	return -1;
}

bool fpage_decode(unsigned long raw, struct fpage *fp, bool window)
{
	fp->type = (raw >> 4) & 3;
	fp->order = (raw >> 6) & 63;
	fp->rights = raw & 0xf;
	if (fp->type == L4_FPAGE_SPECIAL)
		return window && fp->order == L4_WHOLE_ADDRESS_SPACE;
	if (fp->type == L4_FPAGE_MEMORY) {
		if (fp->order < L4_PAGESHIFT)
			return false;
		if (fp->order > 48)
			fp->order = 48;
		fp->base = (raw & L4_FPAGE_ADDR_MASK) & ~((1UL << fp->order) - 1);
		return true;
	}
	if (fp->type == L4_FPAGE_OBJ) {
		if (fp->order > 15)
			fp->order = 15;
		fp->base = (raw >> L4_CAP_SHIFT) & ~((1UL << fp->order) - 1);
		return true;
	}
	return false;
}

/* A user address a mapping may go to: below the kernel's part, outside the UTCB area. */
static bool user_page_ok(const struct task *t, vaddr_t va)
{
	return va < L4REC_USER_TOP && !task_is_ku_mem(t, va);
}

static struct mapnode *mem_node_new(struct task *t, vaddr_t va, paddr_t pa, unsigned int rights,
				    unsigned int attr)
{
	struct mapnode *n = kmem_alloc(sizeof(*n));

	if (!n)
		return NULL;
	n->kind = MAPNODE_MEM;
	n->task = t;
	n->key = va;
	n->pa = pa;
	n->rights = (uint8_t)rights;
	n->attr = (uint8_t)attr;
	if (vtree_set(&t->vtree, va, n) || pt_map(&t->pt, va, pa, rights | attr)) {
		vtree_set(&t->vtree, va, NULL);
		kmem_free(n, sizeof(*n));
		return NULL;
	}
	return n;
}

int space_root_page(struct task *t, vaddr_t va, paddr_t pa, unsigned int rights)
{
	struct mapnode *n = mem_node_new(t, va, pa, rights, PT_CACHED);

	if (!n)
		return -L4_ENOMEM;
	mapdb_link(NULL, n);
	return 0;
}

int space_sigma0_fault(struct task *sigma0, vaddr_t va)
{
	paddr_t pa = va & PAGE_MASK;
	int attr = sigma0_attr(pa);
	struct mapnode *n;

	if (attr < 0)
		return -L4_EFAULT;
	if (vtree_get(&sigma0->vtree, pa))
		return -L4_EEXIST; /* mapped already: a fault here is not a missing page */
	n = mem_node_new(sigma0, pa, pa, L4_FPAGE_RWX, (unsigned int)attr);
	if (!n)
		return -L4_ENOMEM;
	mapdb_link(NULL, n);
	return 0;
}

void mapnode_drop(struct mapnode *n)
{
	if (n->kind == MAPNODE_MEM) {
		vtree_set(&n->task->vtree, n->key, NULL);
		pt_unmap(&n->task->pt, n->key);
		kmem_free(n, sizeof(*n));
		return;
	}
	{
		struct kobject *obj = n->obj;

		n->obj = NULL;
		n->rights = 0;
		n->kind = 0;
		kobj_put(obj);
	}
}

void mapnode_reduce(struct mapnode *n, unsigned int rights)
{
	n->rights = (uint8_t)rights;
	if (n->kind == MAPNODE_MEM)
		pt_map(&n->task->pt, n->key, n->pa, rights | n->attr);
}

/* Is a an ancestor of (or) n?  Replacing a would then pull n away under us. */
static bool is_ancestor(const struct mapnode *a, const struct mapnode *n)
{
	for (; n; n = n->parent) {
		if (n == a)
			return true;
	}
	return false;
}

/* Source and destination ranges of a transfer after the hot-spot rule. */
struct xfer {
	struct task *src, *dst;
	uint64_t src_start, dst_start, size;
	unsigned int rights;
	bool grant;
	int err;
};

static void hot_spot(struct xfer *x, const struct fpage *snd, uint64_t snd_base,
		     const struct fpage *rcv)
{
	if (snd->order <= rcv->order) {
		uint64_t off = snd_base & ((1UL << rcv->order) - 1) & ~((1UL << snd->order) - 1);

		x->src_start = snd->base;
		x->dst_start = rcv->base + off;
		x->size = 1UL << snd->order;
	} else {
		uint64_t off = snd_base & ((1UL << snd->order) - 1) & ~((1UL << rcv->order) - 1);

		x->src_start = snd->base + off;
		x->dst_start = rcv->base;
		x->size = 1UL << rcv->order;
	}
}

static void mem_xfer_one(struct mapnode *s, void *arg)
{
	struct xfer *x = arg;
	vaddr_t va = x->dst_start + (s->key - x->src_start);
	unsigned int rights = s->rights & x->rights;
	struct mapnode *old, *n;

	if (x->err || !rights)
		return;
	if (!user_page_ok(x->dst, va)) {
		x->err = -L4_EINVAL;
		return;
	}
	old = vtree_get(&x->dst->vtree, va);
	if (old && old->pa == s->pa && old->parent == s) {
		/* Mapped from here already: only upgrade its rights. */
		mapnode_reduce(old, old->rights | rights);
		return;
	}
	if (old && is_ancestor(old, s)) {
		x->err = -L4_EINVAL;
		return;
	}
	if (old)
		mapdb_revoke(old, ~0u, true);
	n = mem_node_new(x->dst, va, s->pa, rights, s->attr);
	if (!n) {
		x->err = -L4_ENOMEM;
		return;
	}
	if (x->grant) {
		mapdb_replace(s, n);
		vtree_set(&x->src->vtree, s->key, NULL);
		pt_unmap(&x->src->pt, s->key);
		kmem_free(s, sizeof(*s));
	} else {
		mapdb_link(s, n);
	}
}

static int mem_transfer(struct xfer *x)
{
	vaddr_t a;

	if (x->src->is_sigma0) {
		/* sigma0 owns its memory from the start: materialise what the range covers. */
		vaddr_t end = x->src_start + x->size < DEVICE_PHYS_TOP ? x->src_start + x->size :
									 DEVICE_PHYS_TOP;

		for (a = x->src_start; a < end; a += PAGE_SIZE) {
			if (sigma0_attr(a) >= 0 && !vtree_get(&x->src->vtree, a) &&
			    space_sigma0_fault(x->src, a) == -L4_ENOMEM)
				return -L4_ENOMEM;
		}
	}
	vtree_each(&x->src->vtree, x->src_start, x->src_start + x->size, mem_xfer_one, x);
	return x->err;
}

static int cap_transfer(struct xfer *x)
{
	uint64_t i;

	for (i = 0; i < x->size; i++) {
		struct mapnode *s = captable_lookup(&x->src->caps, x->src_start + i);
		struct mapnode *d;
		unsigned int rights;

		if (!s)
			continue;
		rights = s->rights & x->rights;
		if (!(rights & L4_CAP_FPAGE_R))
			continue;
		d = captable_slot(&x->dst->caps, x->dst_start + i);
		if (!d)
			return -L4_ENOMEM;
		if (d == s)
			continue;
		if (d->obj && d->obj == s->obj && d->parent == s) {
			d->rights |= (uint8_t)rights;
			continue;
		}
		if (d->obj && is_ancestor(d, s))
			return -L4_EINVAL;
		if (d->obj)
			mapdb_revoke(d, ~0u, true);
		d->kind = MAPNODE_CAP;
		d->task = x->dst;
		d->key = x->dst_start + i;
		d->obj = s->obj;
		d->rights = (uint8_t)rights;
		if (x->grant) {
			mapdb_replace(s, d);
			s->obj = NULL;
			s->rights = 0;
			s->kind = 0;
		} else {
			kobj_get(d->obj);
			mapdb_link(s, d);
		}
	}
	return 0;
}

int space_transfer(struct task *src, const struct fpage *snd, uint64_t snd_base, struct task *dst,
		   const struct fpage *rcv, bool grant)
{
	struct xfer x = { .src = src, .dst = dst, .rights = snd->rights, .grant = grant };

	if (snd->type != rcv->type)
		return -L4_EINVAL;
	if (snd->type == L4_FPAGE_OBJ)
		snd_base >>= L4_CAP_SHIFT; /* a capability selector, like the fpage base */
	hot_spot(&x, snd, snd_base, rcv);
	if (snd->type == L4_FPAGE_OBJ) {
		if (x.src_start + x.size > CAP_MAX || x.dst_start + x.size > CAP_MAX)
			return -L4_EINVAL;
		if (src == dst && x.src_start == x.dst_start)
			return 0;
		return cap_transfer(&x);
	}
	if (src == dst && x.src_start < x.dst_start + x.size && x.dst_start < x.src_start + x.size)
		return -L4_EINVAL;
	return mem_transfer(&x);
}

struct unmap_ctx {
	unsigned int rights;
	bool self;
};

static void unmap_one(struct mapnode *n, void *arg)
{
	struct unmap_ctx *u = arg;

	mapdb_revoke(n, u->rights, u->self);
}

void space_unmap(struct task *t, const struct fpage *fp, bool self)
{
	struct unmap_ctx u = { .rights = fp->rights, .self = self };
	uint64_t i, end = fp->base + (1UL << fp->order);

	if (fp->type == L4_FPAGE_MEMORY) {
		vtree_each(&t->vtree, fp->base, end, unmap_one, &u);
		return;
	}
	for (i = fp->base; i < end && i < CAP_MAX; i++) {
		struct mapnode *n = captable_lookup(&t->caps, i);

		if (n)
			mapdb_revoke(n, fp->rights, self);
	}
}
