// SPDX-License-Identifier: MIT
/* Reference counting and destruction dispatch for all kernel objects. */
#include <factory.h>
#include <gate.h>
#include <irq.h>
#include <kobject.h>
#include <task.h>
#include <thread.h>

/* Release what o holds; it is dead afterwards. */
static void destroy(struct kobject *o)
{
	o->dead = true;
	switch (o->type) {
	case KOBJ_TASK:
		task_destroy(to_task(o));
		break;
	case KOBJ_THREAD:
		thread_destroy(to_thread(o));
		break;
	case KOBJ_GATE:
		gate_destroy(to_gate(o));
		break;
	case KOBJ_IRQ:
		irq_destroy(to_irq(o));
		break;
	default:
		break;
	}
}

static void kobj_free(struct kobject *o)
{
	struct factory *quota = o->quota;
	size_t charged = o->charged;

	switch (o->type) {
	case KOBJ_TASK:
		task_free(to_task(o));
		break;
	case KOBJ_THREAD:
		thread_free(to_thread(o));
		break;
	case KOBJ_GATE:
		gate_free(to_gate(o));
		break;
	case KOBJ_IRQ:
		irq_free(to_irq(o));
		break;
	case KOBJ_FACTORY:
		factory_free(to_factory(o));
		break;
	default:
		return;
	}
	if (quota) {
		factory_uncharge(quota, charged);
		kobj_put(&quota->obj);
	}
}

/*
 * Objects whose last reference went.  Destroying one drops the references it
 * holds, which can free further objects (a task holding the only capability
 * to the next task, and so on): they are queued here and handled by one loop
 * instead of by recursion, so a user-built chain cannot exhaust the kernel
 * stack.
 */
static struct kobject *reap_list;
static bool reaping;

static void reap(void)
{
	reaping = true;
	while (reap_list) {
		struct kobject *o = reap_list;

		reap_list = o->reap_next;
		if (!o->dead)
			destroy(o);
		if (!o->refs)
			kobj_free(o);
	}
	reaping = false;
}

void kobj_destroy(struct kobject *o)
{
	if (o->dead || o->pinned)
		return;
	/* Hold o while its destructor drops references that may lead back to it. */
	kobj_get(o);
	destroy(o);
	kobj_put(o);
}

void kobj_put(struct kobject *o)
{
	if (o->pinned || --o->refs)
		return;
	o->reap_next = reap_list;
	reap_list = o;
	if (!reaping)
		reap();
}
