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
	for (i = 0; i < t->utcb_pages; i++)
		kmem_page_free(t->utcb_kpages[i]);
	t->utcb_pages = 0;
	pt_destroy(&t->pt);
}

struct task *task_create(struct factory *quota, vaddr_t utcb_base, unsigned int utcb_order)
{
	struct task *t;
	unsigned int i, pages;

	/* utcb_order 0: no UTCB area yet (l4_task_add_ku_mem may add one). */
	if (utcb_order && (utcb_order < PAGE_SHIFT || utcb_order > PAGE_SHIFT + 4 ||
			   (utcb_base & ((1UL << utcb_order) - 1)) ||
			   (utcb_base + (1UL << utcb_order) > L4REC_USER_TOP &&
			    utcb_base != L4REC_BOOT_UTCB_ADDR)))
		return NULL;
	pages = utcb_order ? 1u << (utcb_order - PAGE_SHIFT) : 0;
	if (quota && !factory_charge(quota, sizeof(*t) + (pages + 8) * PAGE_SIZE))
		return NULL;
	t = kmem_alloc(sizeof(*t));
	if (!t)
		goto undo_charge;
	kobj_init(&t->obj, KOBJ_TASK, NULL);
	list_init(&t->threads);
	t->utcb_base = utcb_base;
	if (pt_init(&t->pt) || vtree_init(&t->vtree) || captable_init(&t->caps))
		goto undo_task;
	for (i = 0; i < pages; i++) {
		t->utcb_kpages[i] = kmem_page_alloc();
		if (!t->utcb_kpages[i])
			goto undo_task;
		t->utcb_pages++;
		if (pt_map(&t->pt, utcb_base + i * PAGE_SIZE, virt_to_phys(t->utcb_kpages[i]),
			   PT_R | PT_W))
			goto undo_task;
	}
	if (pt_map(&t->pt, L4REC_KIP_ADDR, kip_phys, PT_R))
		goto undo_task;
	if (quota)
		factory_account(quota, &t->obj, sizeof(*t) + (pages + 8) * PAGE_SIZE);
	return t;

undo_task:
	task_release(t);
	kmem_free(t, sizeof(*t));
undo_charge:
	if (quota)
		factory_uncharge(quota, sizeof(*t) + (pages + 8) * PAGE_SIZE);
	return NULL;
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
	vaddr_t off = uva - t->utcb_base;

	if (uva < t->utcb_base || off >= ((vaddr_t)t->utcb_pages << PAGE_SHIFT) ||
	    (off & (L4_UTCB_OFFSET - 1)))
		return NULL;
	return (char *)t->utcb_kpages[off >> PAGE_SHIFT] + (off & (PAGE_SIZE - 1));
}
