// SPDX-License-Identifier: MIT
/*
 * Map, grant and unmap between tasks through space.c, the mapping database
 * and the capability table: the hot-spot rule, rights masking, recursive
 * revocation across three tasks, capability reference counts.
 */
#include <stdlib.h>

#include "kernel_stubs.h"
#include "unit.h"

#include <kobject.h>
#include <l4/sys/__l4_fpage.h>
#include <l4/sys/consts.h>
#include <space.h>
#include <task.h>

static int puts_seen;

void kobj_put(struct kobject *o)
{
	o->refs--;
	puts_seen++;
}

static void task_init(struct task *t)
{
	memset(t, 0, sizeof(*t));
	stub_kmem_init(1024);
	CHECK_EQ(vtree_init(&t->vtree), 0);
	CHECK_EQ(captable_init(&t->caps), 0);
	t->ku[0].uaddr = 0x7f0000000;
	t->nr_ku = 1;
}

static struct fpage mem(uint64_t base, unsigned int order, unsigned int rights)
{
	struct fpage f = {
		.type = L4_FPAGE_MEMORY, .order = order, .base = base, .rights = rights
	};

	return f;
}

static struct fpage caps(uint64_t idx, unsigned int order, unsigned int rights)
{
	struct fpage f = { .type = L4_FPAGE_OBJ, .order = order, .base = idx, .rights = rights };

	return f;
}

/* Give t a root mapping of pa at va, as sigma0 would have. */
static void root_page(struct task *t, vaddr_t va, paddr_t pa)
{
	struct mapnode *n = calloc(1, sizeof(*n));

	n->kind = MAPNODE_MEM;
	n->task = t;
	n->key = va;
	n->pa = pa;
	n->rights = L4_FPAGE_RWX;
	CHECK_EQ(vtree_set(&t->vtree, va, n), 0);
}

TEST(map_page_with_reduced_rights)
{
	static struct task a, b;
	struct fpage snd = mem(0x10000, 12, L4_FPAGE_RO), win = mem(0, 48, 0xf);
	struct mapnode *n;

	task_init(&a);
	task_init(&b);
	root_page(&a, 0x10000, 0x40010000);
	CHECK_EQ(space_transfer(&a, &snd, 0x20000, &b, &win, false), 0);
	n = vtree_get(&b.vtree, 0x20000);
	CHECK(n != NULL);
	CHECK_EQ(n->pa, 0x40010000);
	CHECK_EQ(n->rights, L4_FPAGE_RO);
	CHECK(n->parent == vtree_get(&a.vtree, 0x10000));
}

TEST(hot_spot_small_window_takes_part_of_large_fpage)
{
	static struct task a, b;
	struct fpage snd = mem(0x100000, 16, L4_FPAGE_RW), win = mem(0x500000, 12, 0xf);
	vaddr_t va;

	task_init(&a);
	task_init(&b);
	for (va = 0x100000; va < 0x110000; va += 0x1000)
		root_page(&a, va, 0x40000000 + va);
	/* snd_base selects the page at offset 0x3000 of the 64 KiB fpage. */
	CHECK_EQ(space_transfer(&a, &snd, 0x3000, &b, &win, false), 0);
	CHECK(vtree_get(&b.vtree, 0x500000) != NULL);
	CHECK_EQ(vtree_get(&b.vtree, 0x500000)->pa, 0x40103000);
	CHECK(vtree_get(&b.vtree, 0x501000) == NULL);
}

TEST(unmap_revokes_in_third_task)
{
	static struct task a, b, c;
	struct fpage p = mem(0x10000, 12, L4_FPAGE_RW), all = mem(0, 48, 0xf);

	task_init(&a);
	task_init(&b);
	task_init(&c);
	root_page(&a, 0x10000, 0x40010000);
	CHECK_EQ(space_transfer(&a, &p, 0x10000, &b, &all, false), 0);
	CHECK_EQ(space_transfer(&b, &p, 0x10000, &c, &all, false), 0);
	CHECK(vtree_get(&c.vtree, 0x10000) != NULL);
	p.rights = L4_FPAGE_RWX;
	space_unmap(&a, &p, false);
	CHECK(vtree_get(&a.vtree, 0x10000) != NULL);
	CHECK(vtree_get(&b.vtree, 0x10000) == NULL);
	CHECK(vtree_get(&c.vtree, 0x10000) == NULL);
}

TEST(grant_moves_mapping)
{
	static struct task a, b;
	struct fpage p = mem(0x10000, 12, L4_FPAGE_RW), all = mem(0, 48, 0xf);

	task_init(&a);
	task_init(&b);
	root_page(&a, 0x10000, 0x40010000);
	CHECK_EQ(space_transfer(&a, &p, 0x30000, &b, &all, true), 0);
	CHECK(vtree_get(&a.vtree, 0x10000) == NULL);
	CHECK(vtree_get(&b.vtree, 0x30000) != NULL);
}

TEST(kernel_range_and_utcb_area_refused)
{
	static struct task a, b;
	struct fpage p = mem(0x10000, 12, L4_FPAGE_RW), win = mem(L4REC_USER_TOP, 12, 0xf),
		     utcb = mem(0x7f0000000, 12, 0xf);

	task_init(&a);
	task_init(&b);
	root_page(&a, 0x10000, 0x40010000);
	CHECK(space_transfer(&a, &p, 0, &b, &win, false) != 0);
	CHECK(space_transfer(&a, &p, 0, &b, &utcb, false) != 0);
	CHECK(vtree_get(&b.vtree, L4REC_USER_TOP) == NULL);
}

TEST(capability_map_counts_and_unmap_releases)
{
	static struct task a, b;
	struct kobject obj = { .type = KOBJ_GATE, .refs = 1 };
	struct fpage c = caps(5, 0, L4_CAP_FPAGE_RW), all = caps(0, 15, 0xf);
	struct mapnode *n;

	task_init(&a);
	task_init(&b);
	CHECK_EQ(task_cap_install(&a, 5, &obj, L4_CAP_FPAGE_RWSD), 0);
	CHECK_EQ(space_transfer(&a, &c, 9UL << L4_CAP_SHIFT, &b, &all, false), 0);
	n = captable_lookup(&b.caps, 9);
	CHECK(n && n->obj == &obj);
	CHECK_EQ(n->rights, L4_CAP_FPAGE_RW);
	CHECK_EQ(obj.refs, 2);
	puts_seen = 0;
	c.rights = 0xf;
	space_unmap(&a, &c, false);
	CHECK(captable_lookup(&b.caps, 9) == NULL);
	CHECK_EQ(obj.refs, 1);
	CHECK_EQ(puts_seen, 1);
}

TEST(dead_object_capability_is_invalid)
{
	static struct task a;
	struct kobject obj = { .type = KOBJ_IRQ, .refs = 1 };

	task_init(&a);
	CHECK_EQ(task_cap_install(&a, 7, &obj, L4_CAP_FPAGE_RWSD), 0);
	CHECK(captable_lookup(&a.caps, 7) != NULL);
	obj.dead = true;
	CHECK(captable_lookup(&a.caps, 7) == NULL);
	CHECK(captable_lookup(&a.caps, CAP_MAX) == NULL);
}
