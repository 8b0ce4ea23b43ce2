// SPDX-License-Identifier: MIT
/*
 * Factories: kernel-memory quotas and the Factory object's create operation
 * (docs/abi.md §7.2).  A NULL quota means "the kernel itself" (boot objects).
 */
#include <factory.h>
#include <gate.h>
#include <ipc.h>
#include <irq.h>
#include <kmem.h>
#include <kobj_invoke.h>
#include <l4/sys/__l4_fpage.h>
#include <l4/sys/consts.h>
#include <l4/sys/err.h>
#include <l4/sys/types.h>
#include <task.h>
#include <thread.h>

struct factory root_factory;

void factory_init_root(size_t limit)
{
	kobj_init(&root_factory.obj, KOBJ_FACTORY, NULL);
	root_factory.obj.pinned = true;
	root_factory.limit = limit;
}

bool factory_charge(struct factory *f, size_t bytes)
{
	if (!f)
		return true;
	if (f->obj.dead || f->used + bytes > f->limit)
		return false;
	f->used += bytes;
	return true;
}

void factory_uncharge(struct factory *f, size_t bytes)
{
	if (f)
		f->used -= bytes;
}

void factory_account(struct factory *f, struct kobject *o, size_t bytes)
{
	if (!f)
		return;
	o->quota = f;
	o->charged = (uint32_t)bytes;
	kobj_get(&f->obj);
}

void factory_free(struct factory *f)
{
	kmem_free(f, sizeof(*f));
}

static struct factory *factory_create(struct factory *parent, size_t limit)
{
	struct factory *f;
	size_t cost = sizeof(*f) + limit;

	/* The child's whole limit is charged to the parent up front. */
	if (!factory_charge(parent, cost))
		return NULL;
	f = kmem_alloc(sizeof(*f));
	if (!f) {
		factory_uncharge(parent, cost);
		return NULL;
	}
	kobj_init(&f->obj, KOBJ_FACTORY, NULL);
	f->limit = limit;
	factory_account(parent, &f->obj, cost);
	return f;
}

/* A varg word: header type | size << 16, then the value. */
static bool varg_umword(const unsigned long *mr, unsigned int words, unsigned int at,
			unsigned long *v)
{
	if (at + 1 >= words ||
	    ((mr[at] & 0xff) != L4_VARG_TYPE_UMWORD && (mr[at] & 0xff) != L4_VARG_TYPE_MWORD &&
	     (mr[at] & 0xff) != L4_VARG_TYPE_FPAGE))
		return false;
	*v = mr[at + 1];
	return true;
}

long factory_invoke(struct thread *cur, struct mapnode *n, unsigned long tag)
{
	struct factory *f = to_factory(n->obj);
	unsigned long *mr = utcb_mr(cur), br0 = utcb_br(cur)[0], arg;
	unsigned int words = tag & 63;
	long proto = (long)mr[0];
	struct kobject *obj = NULL;
	uint64_t slot;

	if (words < 1)
		return -L4_EINVAL;
	if ((br0 & L4_RCV_ITEM_SINGLE_CAP) != L4_RCV_ITEM_SINGLE_CAP)
		return -L4_EINVAL;
	slot = br0 >> L4_CAP_SHIFT;
	if (slot >= CAP_MAX)
		return -L4_EINVAL;

	switch (proto) {
	case L4_PROTO_TASK: {
		struct task *t;
		unsigned long raw = 0;
		unsigned int order;

		if (words >= 3 && !varg_umword(mr, words, 1, &raw))
			return -L4_EINVAL;
		/* An invalid fpage (type special) means: no UTCB area. */
		if (((raw >> 4) & 3) == L4_FPAGE_MEMORY)
			order = (raw >> 6) & 63;
		else if (((raw >> 4) & 3) == L4_FPAGE_SPECIAL)
			order = 0, raw = 0;
		else
			return -L4_EINVAL;
		if (order > 63 - 1)
			return -L4_EINVAL;
		t = task_create(f, order ? raw & L4_FPAGE_ADDR_MASK & ~((1UL << order) - 1) : 0,
				order);
		if (!t)
			return -L4_ENOMEM;
		obj = &t->obj;
		break;
	}
	case L4_PROTO_THREAD: {
		struct thread *t = thread_create(f);

		if (!t)
			return -L4_ENOMEM;
		obj = &t->obj;
		break;
	}
	case 0: {
		struct thread *bind = NULL;
		struct gate *g;
		unsigned int items = (tag >> 6) & 63;

		/* The label is optional (Fiasco: none means 0). */
		arg = 0;
		if (words > 1 && (!varg_umword(mr, words, 1, &arg) || (arg & 3)))
			return -L4_EINVAL;
		if (items) {
			struct kobject *o = item_object(cur, mr, words, 0);

			if (!o || o->type != KOBJ_THREAD)
				return -L4_EINVAL;
			bind = to_thread(o);
		}
		g = gate_create(f, bind, arg);
		if (!g)
			return -L4_ENOMEM;
		obj = &g->obj;
		break;
	}
	case L4_PROTO_FACTORY: {
		struct factory *nf;

		if (!varg_umword(mr, words, 1, &arg))
			return -L4_EINVAL;
		nf = factory_create(f, arg);
		if (!nf)
			return -L4_ENOMEM;
		obj = &nf->obj;
		break;
	}
	case L4_PROTO_IRQ_SENDER: {
		struct irq *irq = irq_create(f);

		if (!irq)
			return -L4_ENOMEM;
		obj = &irq->obj;
		break;
	}
	case L4_PROTO_VM:
		return -L4_ENOSYS;
	default:
		return -L4_ENODEV;
	}
	if (task_cap_install(cur->task, slot, obj, L4_CAP_FPAGE_RWSD)) {
		kobj_put(obj);
		return -L4_ENOMEM;
	}
	return 0;
}
