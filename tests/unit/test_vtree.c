// SPDX-License-Identifier: MIT
/* The per-task page-address radix tree. */
#include "kernel_stubs.h"
#include "unit.h"

#include <kmem.h>
#include <mapdb.h>
#include <vtree.h>

static vaddr_t seen[16];
static int nseen;

static void record(struct mapnode *n, void *arg)
{
	(void)arg;
	if (nseen < 16)
		seen[nseen++] = n->key;
}

TEST(set_get_clear)
{
	struct vtree t;
	struct mapnode a = { .key = 0x1000 }, b = { .key = 0x7fffff000 };

	stub_kmem_init(256);
	CHECK_EQ(vtree_init(&t), 0);
	CHECK(vtree_get(&t, 0x1000) == NULL);
	CHECK_EQ(vtree_set(&t, 0x1000, &a), 0);
	CHECK_EQ(vtree_set(&t, 0x7fffff000, &b), 0);
	CHECK(vtree_get(&t, 0x1000) == &a);
	CHECK(vtree_get(&t, 0x7fffff000) == &b);
	CHECK(vtree_get(&t, 0x2000) == NULL);
	CHECK_EQ(vtree_set(&t, 0x1000, NULL), 0);
	CHECK(vtree_get(&t, 0x1000) == NULL);
	vtree_destroy(&t);
}

TEST(each_visits_range_in_order)
{
	struct vtree t;
	struct mapnode n[4] = {
		{ .key = 0x5000 }, { .key = 0x1000 }, { .key = 0x40000000 }, { .key = 0x3000 }
	};
	int i;

	stub_kmem_init(256);
	CHECK_EQ(vtree_init(&t), 0);
	for (i = 0; i < 4; i++)
		CHECK_EQ(vtree_set(&t, n[i].key, &n[i]), 0);
	nseen = 0;
	vtree_each(&t, 0x2000, 0x40000000, record, NULL);
	CHECK_EQ(nseen, 2);
	CHECK_EQ(seen[0], 0x3000);
	CHECK_EQ(seen[1], 0x5000);
	nseen = 0;
	vtree_each(&t, 0, ~0UL >> 16, record, NULL);
	CHECK_EQ(nseen, 4);
	CHECK_EQ(seen[3], 0x40000000);
	vtree_destroy(&t);
}

TEST(destroy_returns_all_memory)
{
	struct vtree t;
	struct mapnode a = { 0 };
	size_t before;
	vaddr_t va;

	stub_kmem_init(256);
	before = kmem_in_use();
	CHECK_EQ(vtree_init(&t), 0);
	for (va = 0; va < (1UL << 40); va += 1UL << 36)
		CHECK_EQ(vtree_set(&t, va, &a), 0);
	CHECK(kmem_in_use() > before);
	vtree_destroy(&t);
	CHECK_EQ(kmem_in_use(), before);
}
