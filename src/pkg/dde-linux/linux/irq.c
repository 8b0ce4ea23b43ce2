// SPDX-License-Identifier: MIT
/*
 * request_irq and friends.  Each line has a list of actions (IRQF_SHARED
 * allows several); the L4 half calls irq_line() from the server loop with
 * the interrupt lock held.  A threaded handler (thread_fn) runs right
 * after its primary handler returns IRQ_WAKE_THREAD, in the same server
 * thread: there is no separate IRQ thread, so it never runs concurrently
 * with request code, which Linux allows but does not require.
 */
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/slab.h>

#include "dde_linux.h"

struct dde_irq_action {
	struct list_head entry;
	unsigned int irq;
	irq_handler_t handler;
	irq_handler_t thread_fn;
	unsigned long flags;
	const char *name;
	void *dev_id;
};

static LIST_HEAD(actions);

static void irq_line(unsigned irq, void *arg)
{
	struct dde_irq_action *a, *n;

	list_for_each_entry_safe(a, n, &actions, entry) {
		irqreturn_t ret = IRQ_WAKE_THREAD;

		/* cppcheck does not know list_for_each_entry: the entry is set */
		// cppcheck-suppress uninitvar
		if (a->irq != irq)
			continue;
		if (a->handler)
			ret = a->handler(irq, a->dev_id);
		if (ret == IRQ_WAKE_THREAD && a->thread_fn)
			a->thread_fn(irq, a->dev_id);
	}
}

static bool line_used(unsigned int irq, bool *shared)
{
	struct dde_irq_action *a;
	bool used = false;

	*shared = true;
	list_for_each_entry(a, &actions, entry) {
		/* cppcheck does not know list_for_each_entry: the entry is set */
		// cppcheck-suppress uninitvar
		if (a->irq == irq) {
			used = true;
			*shared &= !!(a->flags & IRQF_SHARED);
		}
	}
	return used;
}

int request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn,
			 unsigned long irqflags, const char *devname, void *dev_id)
{
	struct dde_irq_action *a;
	bool shared, used;
	int err;

	if (!irq || (!handler && !thread_fn))
		return -EINVAL;
	if ((irqflags & IRQF_SHARED) && !dev_id)
		return -EINVAL;
	used = line_used(irq, &shared);
	if (used && !(shared && (irqflags & IRQF_SHARED)))
		return -EBUSY;
	a = kzalloc(sizeof(*a), GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	*a = (struct dde_irq_action){ .irq = irq,
				      .handler = handler,
				      .thread_fn = thread_fn,
				      .flags = irqflags,
				      .name = devname,
				      .dev_id = dev_id };
	if (!used) {
		err = dde_l4_irq_attach(irq, irq_line, NULL);
		if (err < 0) {
			kfree(a);
			return err;
		}
	}
	dde_l4_irq_lock();
	list_add_tail(&a->entry, &actions);
	dde_l4_irq_unlock();
	return 0;
}

const void *free_irq(unsigned int irq, void *dev_id)
{
	struct dde_irq_action *a;
	const char *name = NULL;
	bool shared;

	dde_l4_irq_lock();
	list_for_each_entry(a, &actions, entry) {
		/* cppcheck does not know list_for_each_entry: the entry is set */
		// cppcheck-suppress uninitvar
		if (a->irq == irq && a->dev_id == dev_id) {
			list_del(&a->entry);
			name = a->name;
			kfree(a);
			break;
		}
	}
	dde_l4_irq_unlock();
	if (!name) {
		WARN(1, "Trying to free already-free IRQ %d\n", irq);
		return NULL;
	}
	if (!line_used(irq, &shared))
		dde_l4_irq_detach(irq);
	return name;
}

struct irq_devres {
	unsigned int irq;
	void *dev_id;
};

static void devm_irq_release(struct device *dev, void *res)
{
	struct irq_devres *this = res;

	free_irq(this->irq, this->dev_id);
}

int devm_request_threaded_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
			      irq_handler_t thread_fn, unsigned long irqflags, const char *devname,
			      void *dev_id)
{
	struct irq_devres *dr = devres_alloc(devm_irq_release, sizeof(*dr), GFP_KERNEL);
	int rc;

	if (!dr)
		return -ENOMEM;
	if (!devname)
		devname = dev_name(dev);
	rc = request_threaded_irq(irq, handler, thread_fn, irqflags, devname, dev_id);
	if (rc) {
		devres_free(dr);
		return rc;
	}
	dr->irq = irq;
	dr->dev_id = dev_id;
	devres_add(dev, dr);
	return 0;
}

/* Handlers run in the server thread under the interrupt lock: taking it waits for one. */
void synchronize_irq(unsigned int irq)
{
	dde_l4_irq_lock();
	dde_l4_irq_unlock();
}

/* A server never suspends; wake-up interrupts have no meaning. */
int irq_set_irq_wake(unsigned int irq, unsigned int on)
{
	return 0;
}
