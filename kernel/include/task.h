/* SPDX-License-Identifier: MIT */
/*
 * A task: an address space (page table + mapping nodes), a capability table,
 * and the UTCB area whose kernel-allocated pages its threads' UTCBs live in.
 */
#ifndef KERNEL_TASK_H
#define KERNEL_TASK_H

#include <arch/mmu.h>
#include <captable.h>
#include <kobject.h>
#include <list.h>
#include <vtree.h>

/* Kernel-user memory (UTCBs): at most this many pages per task, in any number of areas. */
#define KU_MEM_MAX_PAGES 64
#define KU_MEM_MAX_ORDER (PAGE_SHIFT + 6)
/* The UTCB page of sigma0 and the root task: in the kernel's part of user space. */
#define L4REC_BOOT_UTCB_ADDR 0x0000fffffffe0000UL

struct task {
	struct kobject obj;
	struct pt pt;	    /* hardware page table */
	struct vtree vtree; /* page VA -> mapping node */
	struct captable caps;
	struct list threads; /* threads bound to this task */
	unsigned int nr_ku;  /* ku_mem pages: where the task sees them, where the kernel does */
	struct {
		vaddr_t uaddr;
		void *kaddr;
	} ku[KU_MEM_MAX_PAGES];
	bool is_sigma0; /* page faults resolved 1:1 by the kernel */
};

struct task *task_create(struct factory *quota, vaddr_t utcb_base, unsigned int utcb_order);
void task_destroy(struct task *t);
void task_free(struct task *t);

static inline struct task *to_task(struct kobject *o)
{
	return container_of(o, struct task, obj);
}

/* Kernel address of the UTCB at user address uva, or NULL if not a UTCB slot of t. */
void *task_utcb_kaddr(struct task *t, vaddr_t uva);
/* Is the UTCB at user address utcb bound to one of t's threads? */
bool task_utcb_in_use(struct task *t, vaddr_t utcb);
/* Is va inside t's ku_mem? (No mapping may go there.) */
static inline bool task_is_ku_mem(const struct task *t, vaddr_t va)
{
	unsigned int i;

	for (i = 0; i < t->nr_ku; i++) {
		if ((va & PAGE_MASK) == t->ku[i].uaddr)
			return true;
	}
	return false;
}
/* Add 2^order bytes of zeroed kernel memory at base; 0 or -L4_E*, nothing changed on error. */
int task_add_ku_mem(struct task *t, vaddr_t base, unsigned int order);

/* Install obj (its reference passes to the slot) at idx as a new root capability. */
static inline int task_cap_install(struct task *t, uint64_t idx, struct kobject *obj,
				   unsigned int rights)
{
	return captable_install(&t->caps, t, idx, obj, rights);
}

#endif
