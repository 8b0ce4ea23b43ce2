// SPDX-License-Identifier: MIT
/* Tasks (see task.h). */
#include <arch/mmu.h>
#include <factory.h>
#include <kip.h>
#include <kmem.h>
#include <l4/sys/consts.h>
#include <l4/sys/err.h>
#include <l4/sys/kip.h>
#include <l4/sys/utcb.h>
#include <space.h>
#include <task.h>
#include <thread.h>

static void task_release_mem(struct mapnode *n, void *arg)
{
	(void)arg;
	mapdb_revoke(n, ~0u, true);
}

static void task_release(struct task *t)
{
	unsigned int i;

	if (t->caps.dir)
		captable_destroy(&t->caps);
	if (t->vtree.root) {
		vtree_each(&t->vtree, 0, L4REC_USER_TOP, task_release_mem, NULL);
		vtree_destroy(&t->vtree);
	}
	for (i = 0; i < t->nr_ku; i++)
		kmem_page_free(t->ku[i].kaddr);
	t->nr_ku = 0;
	pt_destroy(&t->pt);
}

struct task *task_create(struct factory *quota, vaddr_t utcb_base, unsigned int utcb_order)
{
	struct task *t;
	size_t cost = sizeof(*t) + 8 * PAGE_SIZE; /* the object and its first tables */

	if (quota && !factory_charge(quota, cost))
		return NULL;
	t = kmem_alloc(sizeof(*t));
	if (!t)
		goto undo_charge;
	kobj_init(&t->obj, KOBJ_TASK, NULL);
	list_init(&t->threads);
	if (pt_init(&t->pt) || vtree_init(&t->vtree) || captable_init(&t->caps))
		goto undo_task;
	/* utcb_order 0: no UTCB area yet (l4_task_add_ku_mem may add one). */
	if (utcb_order && task_add_ku_mem(t, utcb_base, utcb_order))
		goto undo_task;
	if (pt_map(&t->pt, L4REC_KIP_ADDR, kip_phys, PT_R))
		goto undo_task;
	if (quota)
		factory_account(quota, &t->obj, cost);
	return t;

undo_task:
	task_release(t);
	kmem_free(t, sizeof(*t));
undo_charge:
	if (quota)
		factory_uncharge(quota, cost);
	return NULL;
}

int task_add_ku_mem(struct task *t, vaddr_t base, unsigned int order)
{
	unsigned int i, pages;
	void *k[KU_MEM_MAX_PAGES];

	if (order < PAGE_SHIFT || order > KU_MEM_MAX_ORDER || (base & ((1UL << order) - 1)))
		return -L4_EINVAL;
	if (base + (1UL << order) > L4REC_USER_TOP && base != L4REC_BOOT_UTCB_ADDR)
		return -L4_EINVAL;
	pages = 1u << (order - PAGE_SHIFT);
	if (t->nr_ku + pages > KU_MEM_MAX_PAGES)
		return -L4_ENOMEM;
	for (i = 0; i < pages; i++) {
		vaddr_t va = base + i * PAGE_SIZE;

		if (task_is_ku_mem(t, va) || vtree_get(&t->vtree, va))
			return -L4_EINVAL;
	}
	/* Allocate everything first, so that a failure leaves the task as it was. */
	for (i = 0; i < pages; i++) {
		k[i] = kmem_page_alloc();
		if (!k[i])
			goto undo_pages;
	}
	for (i = 0; i < pages; i++) {
		if (pt_map(&t->pt, base + i * PAGE_SIZE, virt_to_phys(k[i]), PT_R | PT_W))
			goto undo_maps;
	}
	for (i = 0; i < pages; i++) {
		t->ku[t->nr_ku].uaddr = base + i * PAGE_SIZE;
		t->ku[t->nr_ku].kaddr = k[i];
		t->nr_ku++;
	}
	return 0;

undo_maps:
	while (i--)
		pt_unmap(&t->pt, base + i * PAGE_SIZE);
	i = pages;
undo_pages:
	while (i--)
		kmem_page_free(k[i]);
	return -L4_ENOMEM;
}

void task_destroy(struct task *t)
{
	struct list *pos, *tmp;

	/* Threads cannot run without their task: they die with it. */
	list_for_each_safe(pos, tmp, &t->threads)
		kobj_destroy(&container_of(pos, struct thread, task_node)->obj);
	task_release(t);
}

void task_free(struct task *t)
{
	kmem_free(t, sizeof(*t));
}

void *task_utcb_kaddr(struct task *t, vaddr_t uva)
{
	unsigned int i;

	if (uva & (L4_UTCB_OFFSET - 1))
		return NULL;
	for (i = 0; i < t->nr_ku; i++) {
		if ((uva & PAGE_MASK) == t->ku[i].uaddr)
			return (char *)t->ku[i].kaddr + (uva & (PAGE_SIZE - 1));
	}
	return NULL;
}
