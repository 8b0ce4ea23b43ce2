// SPDX-License-Identifier: MIT
/* IPC gates (see gate.h). */
#include <factory.h>
#include <gate.h>
#include <kmem.h>
#include <l4/sys/err.h>
#include <thread.h>

struct gate *gate_create(struct factory *quota, struct thread *bind, unsigned long label)
{
	struct gate *g;

	if ((label & 3) || !factory_charge(quota, sizeof(*g)))
		return NULL;
	g = kmem_alloc(sizeof(*g));
	if (!g) {
		factory_uncharge(quota, sizeof(*g));
		return NULL;
	}
	kobj_init(&g->obj, KOBJ_GATE, NULL);
	factory_account(quota, &g->obj, sizeof(*g));
	if (bind)
		gate_bind(g, bind, label);
	g->label = label;
	return g;
}

int gate_bind(struct gate *g, struct thread *t, unsigned long label)
{
	/* The low two bits of a received label carry the sender's rights. */
	if (label & 3)
		return -L4_EINVAL;
	kobj_get(&t->obj);
	if (g->thread)
		kobj_put(&g->thread->obj);
	g->thread = t;
	g->label = label;
	return 0;
}

void gate_destroy(struct gate *g)
{
	if (g->thread)
		kobj_put(&g->thread->obj);
	g->thread = NULL;
}

void gate_free(struct gate *g)
{
	kmem_free(g, sizeof(*g));
}
