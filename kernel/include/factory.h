/* SPDX-License-Identifier: MIT */
/*
 * Factories create kernel objects and account the kernel memory they cost
 * against a limit.  A factory made by another is charged to its parent, so
 * limits nest like L4Re's.
 */
#ifndef KERNEL_FACTORY_H
#define KERNEL_FACTORY_H

#include <kobject.h>

struct factory {
	struct kobject obj;
	size_t limit; /* bytes this factory may have outstanding */
	size_t used;
};

static inline struct factory *to_factory(struct kobject *o)
{
	return container_of(o, struct factory, obj);
}

extern struct factory root_factory;

void factory_init_root(size_t limit);
/* Charge bytes for an object that will reference the factory; false if over the limit. */
bool factory_charge(struct factory *f, size_t bytes);
void factory_uncharge(struct factory *f, size_t bytes);
/* Account a new object o of `bytes` to f (takes a reference on f). */
void factory_account(struct factory *f, struct kobject *o, size_t bytes);
void factory_free(struct factory *f);

#endif
