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

#define UTCB_AREA_MAX_PAGES 16
/* The UTCB page of sigma0 and the root task: in the kernel's part of user space. */
#define L4REC_BOOT_UTCB_ADDR 0x0000fffffffe0000UL

struct task {
	struct kobject obj;
	struct pt pt;	    /* hardware page table */
	struct vtree vtree; /* page VA -> mapping node */
	struct captable caps;
	struct list threads; /* threads bound to this task */
	vaddr_t utcb_base;   /* user address of the UTCB area */
	unsigned int utcb_pages;
	void *utcb_kpages[UTCB_AREA_MAX_PAGES]; /* kernel VAs of the area's pages */
	bool is_sigma0;				/* page faults resolved 1:1 by the kernel */
};

struct task *task_create(struct factory *quota, vaddr_t utcb_base, unsigned int utcb_order);
void task_destroy(struct task *t);
void task_free(struct task *t);

static inline struct task *to_task(struct kobject *o)
{
	return container_of(o, struct task, obj);
}

/* Kernel address of the UTCB at user address uva, or NULL if outside the area. */
void *task_utcb_kaddr(struct task *t, vaddr_t uva);

/* Install obj (its reference passes to the slot) at idx as a new root capability. */
static inline int task_cap_install(struct task *t, uint64_t idx, struct kobject *obj,
				   unsigned int rights)
{
	return captable_install(&t->caps, t, idx, obj, rights);
}

#endif
