/* SPDX-License-Identifier: MIT */
/*
 * Irq objects: a software-triggerable interrupt source that the ICU can
 * connect to a hardware line.  Delivery is an IPC to the bound thread; at
 * most one message is pending per Irq, further triggers coalesce.
 */
#ifndef KERNEL_IRQ_H
#define KERNEL_IRQ_H

#include <kobject.h>
#include <list.h>

struct thread;

#define IRQ_NONE_HW (~0u)

struct irq {
	struct kobject obj;
	struct thread *thread; /* bound receiver (reference held), or NULL */
	unsigned long label;
	struct list pending; /* on thread->pending_irqs while a message waits */
	unsigned int hwirq;  /* GIC INTID, or IRQ_NONE_HW */
	bool masked;	     /* hardware line masked until unmask */
	bool triggered;	     /* fired while no thread was bound */
};

static inline struct irq *to_irq(struct kobject *o)
{
	return container_of(o, struct irq, obj);
}

struct irq *irq_create(struct factory *quota);
int irq_bind(struct irq *irq, struct thread *t, unsigned long label);
void irq_detach(struct irq *irq);
void irq_trigger(struct irq *irq);
void irq_unmask(struct irq *irq);
/* A hardware interrupt arrived at the GIC. */
void irq_hw_fire(unsigned int intid);
int irq_hw_attach(struct irq *irq, unsigned int intid);
int irq_hw_detach(struct irq *irq, unsigned int intid);
/* ICU mask/unmask by line number: only lines connected to an Irq (-L4_EINVAL otherwise). */
int irq_hw_set_masked(unsigned int intid, bool mask);
/* Take one pending Irq message of t (of `only` if non-NULL). */
struct irq *irq_take_pending(struct thread *t, struct irq *only);
void irq_drop_pending(struct thread *t);
void irq_destroy(struct irq *irq);
void irq_free(struct irq *irq);

#endif
