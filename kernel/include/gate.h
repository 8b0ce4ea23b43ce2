/* SPDX-License-Identifier: MIT */
/* IPC gates: a capability-addressable endpoint bound to a thread with a label. */
#ifndef KERNEL_GATE_H
#define KERNEL_GATE_H

#include <kobject.h>

struct thread;

struct gate {
	struct kobject obj;
	struct thread *thread; /* bound receiver (reference held), or NULL */
	unsigned long label;   /* low two bits are always 0: they carry rights */
};

static inline struct gate *to_gate(struct kobject *o)
{
	return container_of(o, struct gate, obj);
}

struct gate *gate_create(struct factory *quota, struct thread *bind, unsigned long label);
int gate_bind(struct gate *g, struct thread *t, unsigned long label);
void gate_destroy(struct gate *g);
void gate_free(struct gate *g);

#endif
