/* SPDX-License-Identifier: MIT */
/*
 * The common header of every kernel object.  Capabilities count references;
 * an object is freed when the last reference goes.  Deleting an object (a
 * capability with the D right and L4_FP_DELETE_OBJ) destroys it at once: it
 * is marked dead, releases what it holds, and every remaining capability to
 * it behaves as an invalid one until it is dropped.
 */
#ifndef KERNEL_KOBJECT_H
#define KERNEL_KOBJECT_H

#include <types.h>

enum kobj_type {
	KOBJ_TASK = 1,
	KOBJ_THREAD,
	KOBJ_GATE,
	KOBJ_IRQ,
	KOBJ_FACTORY,
	KOBJ_ICU,
	KOBJ_SCHEDULER,
	KOBJ_VLOG,
	KOBJ_DEBUGGER,
};

struct factory;

struct kobject {
	uint8_t type;		   /* enum kobj_type */
	bool dead;		   /* destroyed: capabilities to it are stale */
	bool pinned;		   /* static object (log, ICU, ...): never freed */
	uint32_t refs;		   /* capabilities + internal references */
	uint32_t charged;	   /* bytes charged to quota */
	struct factory *quota;	   /* charged for this object's memory, or NULL */
	struct kobject *reap_next; /* on the list of objects to free */
};

static inline void kobj_init(struct kobject *o, enum kobj_type type, struct factory *quota)
{
	o->type = (uint8_t)type;
	o->dead = false;
	o->pinned = false;
	o->refs = 1;
	o->quota = quota;
	o->charged = 0;
}

static inline void kobj_get(struct kobject *o)
{
	o->refs++;
}

void kobj_put(struct kobject *o);
/* Destroy now (delete right); memory stays until the last reference goes. */
void kobj_destroy(struct kobject *o);

#endif
