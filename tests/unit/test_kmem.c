// SPDX-License-Identifier: MIT
/* The kernel allocator: zeroed memory, accounting that returns to zero, exhaustion. */
#include "kernel_stubs.h"
#include "unit.h"

#include <kmem.h>

TEST(objects_zeroed_and_accounted)
{
	size_t before;
	unsigned char *a, *b;
	int i;

	stub_kmem_init(64);
	before = kmem_in_use();
	a = kmem_alloc(100);
	b = kmem_alloc(100);
	CHECK(a && b && a != b);
	for (i = 0; i < 100; i++)
		CHECK_EQ(a[i], 0);
	memset(a, 0xaa, 100);
	CHECK_EQ(kmem_in_use(), before + 256);
	kmem_free(a, 100);
	a = kmem_alloc(100);
	CHECK_EQ(a[0], 0);
	kmem_free(a, 100);
	kmem_free(b, 100);
	CHECK_EQ(kmem_in_use(), before);
}

TEST(pages_aligned_and_reused)
{
	void *p, *q;
	size_t before;

	stub_kmem_init(64);
	before = kmem_in_use();
	p = kmem_page_alloc();
	CHECK(p && ((unsigned long)p & 4095) == 0);
	kmem_page_free(p);
	q = kmem_page_alloc();
	CHECK(q == p);
	kmem_page_free(q);
	CHECK_EQ(kmem_in_use(), before);
}

TEST(exhaustion_returns_null_and_recovers)
{
	void *pages[128];
	int n = 0, i;
	size_t before;

	stub_kmem_init(64);
	before = kmem_in_use();
	while (n < 128 && (pages[n] = kmem_page_alloc()))
		n++;
	CHECK(n < 128);
	CHECK(kmem_alloc(64) == NULL || n > 0);
	for (i = 0; i < n; i++)
		kmem_page_free(pages[i]);
	CHECK_EQ(kmem_in_use(), before);
	CHECK(kmem_page_alloc() != NULL);
}

TEST(too_large_object_refused)
{
	stub_kmem_init(64);
	CHECK(kmem_alloc(8192) == NULL);
}
