// SPDX-License-Identifier: MIT
/*
 * The minimum of a struct device that drivers and the rest of dde-linux
 * use: its name (dev_name() reads kobj.name), the devres list and lock,
 * the device mutex.  No kobject, sysfs or driver core behind it.
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
