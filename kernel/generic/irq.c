// SPDX-License-Identifier: MIT
/* Irq objects and hardware interrupt routing (see irq.h). */
#include <arch/irqchip.h>
#include <factory.h>
#include <ipc.h>
#include <irq.h>
#include <kmem.h>
#include <l4/sys/err.h>
#include <plat/platform.h>
#include <thread.h>

/* Which Irq object a GIC line is connected to. */
static struct irq *hw_irqs[PLAT_NR_IRQS];

struct irq *irq_create(struct factory *quota)
{
	struct irq *irq;

	if (!factory_charge(quota, sizeof(*irq)))
		return NULL;
	irq = kmem_alloc(sizeof(*irq));
	if (!irq) {
		factory_uncharge(quota, sizeof(*irq));
		return NULL;
	}
	kobj_init(&irq->obj, KOBJ_IRQ, NULL);
	factory_account(quota, &irq->obj, sizeof(*irq));
	list_init(&irq->pending);
	irq->hwirq = IRQ_NONE_HW;
	return irq;
}

static void deliver(struct irq *irq)
{
	struct thread *t = irq->thread;

	if (!t || t->state == TS_DEAD) {
		irq->triggered = true;
		return;
	}
	if (list_linked(&irq->pending))
		return; /* coalesce */
	if (!ipc_deliver_irq(t, irq))
		list_add_tail(&t->pending_irqs, &irq->pending);
}

int irq_bind(struct irq *irq, struct thread *t, unsigned long label)
{
	irq_detach(irq);
	kobj_get(&t->obj);
	irq->thread = t;
	irq->label = label;
	if (irq->triggered) {
		irq->triggered = false;
		deliver(irq);
	}
	return 0;
}

void irq_detach(struct irq *irq)
{
	if (list_linked(&irq->pending))
		list_del(&irq->pending);
	if (irq->thread)
		kobj_put(&irq->thread->obj);
	irq->thread = NULL;
}

void irq_trigger(struct irq *irq)
{
	deliver(irq);
}

void irq_unmask(struct irq *irq)
{
	if (irq->hwirq != IRQ_NONE_HW && irq->masked) {
		irq->masked = false;
		gic_enable(irq->hwirq);
	}
}

void irq_hw_fire(unsigned int intid)
{
	struct irq *irq = intid < PLAT_NR_IRQS ? hw_irqs[intid] : NULL;

	/* Mask until the receiver unmasks: level-triggered lines would fire forever. */
	gic_disable(intid);
	if (!irq)
		return;
	irq->masked = true;
	deliver(irq);
}

int irq_hw_attach(struct irq *irq, unsigned int intid)
{
	if (intid >= PLAT_NR_IRQS || intid >= gic_nr_irqs() || intid == PLAT_TIMER_IRQ)
		return -L4_EINVAL;
	if (hw_irqs[intid] || irq->hwirq != IRQ_NONE_HW)
		return -L4_EEXIST;
	hw_irqs[intid] = irq;
	irq->hwirq = intid;
	irq->masked = true;
	/* Not a counted reference: irq_destroy() disconnects the line. */
	return 0;
}

int irq_hw_detach(struct irq *irq, unsigned int intid)
{
	if (intid >= PLAT_NR_IRQS || hw_irqs[intid] != irq)
		return -L4_EINVAL;
	gic_disable(intid);
	hw_irqs[intid] = NULL;
	irq->hwirq = IRQ_NONE_HW;
	return 0;
}

struct irq *irq_take_pending(struct thread *t, struct irq *only)
{
	struct list *pos;

	for (pos = t->pending_irqs.next; pos != &t->pending_irqs; pos = pos->next) {
		struct irq *irq = container_of(pos, struct irq, pending);

		if (!only || irq == only) {
			list_del(&irq->pending);
			return irq;
		}
	}
	return NULL;
}

void irq_drop_pending(struct thread *t)
{
	while (!list_empty(&t->pending_irqs))
		list_del(t->pending_irqs.next);
}

void irq_destroy(struct irq *irq)
{
	irq_detach(irq);
	if (irq->hwirq != IRQ_NONE_HW)
		irq_hw_detach(irq, irq->hwirq);
}

void irq_free(struct irq *irq)
{
	kmem_free(irq, sizeof(*irq));
}

int irq_hw_set_masked(unsigned int intid, bool mask)
{
	struct irq *irq = intid < PLAT_NR_IRQS ? hw_irqs[intid] : NULL;

	if (!irq)
		return -L4_EINVAL;
	if (!mask) {
		irq_unmask(irq);
	} else if (!irq->masked) {
		irq->masked = true;
		gic_disable(intid);
	}
	return 0;
}
