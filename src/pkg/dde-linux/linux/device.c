// SPDX-License-Identifier: MIT
/*
 * The minimum of a struct device that drivers and the rest of dde-linux
 * use: its name (dev_name() reads kobj.name), the devres list and lock,
 * the device mutex; and how many devices have a driver (the server
 * checks that its device did bind).  The driver core is bus.c.
 */
#include <linux/device.h>
#include <linux/slab.h>

#include "dde_linux.h"

void dde_device_init(struct device *dev, const char *name)
{
	dev->kobj.name = kstrdup(name, GFP_KERNEL);
	INIT_LIST_HEAD(&dev->devres_head);
	spin_lock_init(&dev->devres_lock);
	mutex_init(&dev->mutex);
}

static int bound_devices;

void dde_device_bound(int delta)
{
	bound_devices += delta;
}

int dde_linux_bound_devices(void)
{
	return bound_devices;
}
