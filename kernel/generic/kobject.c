// SPDX-License-Identifier: MIT
/* Reference counting and destruction dispatch for all kernel objects. */
#include <factory.h>
#include <gate.h>
#include <irq.h>
#include <kip.h>
#include <kobject.h>
#include <task.h>
#include <thread.h>

void kobj_destroy(struct kobject *o)
{
	if (o->dead || o->pinned)
		return;
	o->dead = true;
	/* Hold the object while its destructor drops references that may lead back to it. */
	kobj_get(o);
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
	case KOBJ_FACTORY:
		break;
	default:
		break;
	}
	kobj_put(o);
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
	kip_update_kmem();
}

void kobj_put(struct kobject *o)
{
	if (o->pinned)
		return;
	if (--o->refs)
		return;
	if (!o->dead) {
		/* Last reference gone without an explicit delete: destroy first. */
		o->refs = 1;
		kobj_destroy(o);
		kobj_put(o);
		return;
	}
	kobj_free(o);
}
