// SPDX-License-Identifier: MIT
/*
 * Wakeup bookkeeping of drivers/base/power: a driver server never
 * suspends, so these only record what the driver asked for (the flags
 * and objects device_may_wakeup() and friends read), as Linux does
 * before any suspend happens.
 */
#include <linux/device.h>
#include <linux/pm_wakeirq.h>
#include <linux/pm_wakeup.h>
#include <linux/slab.h>

#include "dde_linux.h"

/* Private in Linux (drivers/base/power/power.h); ours holds the line. */
struct wake_irq {
	struct device *dev;
	int irq;
};

void device_set_wakeup_capable(struct device *dev, bool capable)
{
	dev->power.can_wakeup = capable;
}

int device_wakeup_enable(struct device *dev)
{
	struct wakeup_source *ws;

	if (!dev || !dev->power.can_wakeup)
		return -EINVAL;
	if (dev->power.wakeup)
		return -EEXIST;
	ws = kzalloc(sizeof(*ws), GFP_KERNEL);
	if (!ws)
		return -ENOMEM;
	ws->name = dev_name(dev);
	ws->dev = dev;
	dev->power.wakeup = ws;
	return 0;
}

int device_wakeup_disable(struct device *dev)
{
	if (!dev || !dev->power.can_wakeup)
		return -EINVAL;
	kfree(dev->power.wakeup);
	dev->power.wakeup = NULL;
	return 0;
}

int device_set_wakeup_enable(struct device *dev, bool enable)
{
	return enable ? device_wakeup_enable(dev) : device_wakeup_disable(dev);
}

int dev_pm_set_wake_irq(struct device *dev, int irq)
{
	struct wake_irq *wirq;

	if (irq < 0)
		return -EINVAL;
	if (dev->power.wakeirq)
		return -EEXIST;
	wirq = kzalloc(sizeof(*wirq), GFP_KERNEL);
	if (!wirq)
		return -ENOMEM;
	wirq->dev = dev;
	wirq->irq = irq;
	dev->power.wakeirq = wirq;
	return 0;
}

void dev_pm_clear_wake_irq(struct device *dev)
{
	kfree(dev->power.wakeirq);
	dev->power.wakeirq = NULL;
}
