// SPDX-License-Identifier: MIT
/*
 * The driver core as far as bus drivers need it (virtio's bus, the
 * platform bus): buses, drivers and devices in lists, and binding in
 * both directions as Linux does it: a device added finds a registered
 * driver, a driver registered finds the devices already there.  A
 * binding is the bus's match(), then the bus's probe() (or the
 * driver's); a failed probe releases the device's managed resources.
 * No sysfs, no uevents, no deferred probing.  Devices are reference
 * counted with their kobject's kref and released by their release().
 */
#include <linux/device.h>
#include <linux/device/bus.h>
#include <linux/slab.h>

#include "dde_linux.h"

static LIST_HEAD(drivers);
static LIST_HEAD(devices);

/* List links of our own: struct device_driver has no list head we may use. */
struct dde_driver {
	struct list_head node;
	struct device_driver *drv;
};

struct dde_dev {
	struct list_head node;
	struct device *dev;
};

int bus_register(struct bus_type *bus)
{
	pr_debug("dde: bus %s\n", bus->name);
	return 0;
}

void bus_unregister(struct bus_type *bus)
{
}

static int bind(struct device *dev, struct device_driver *drv)
{
	int ret;

	if (dev->driver || dev->bus != drv->bus)
		return 0;
	if (drv->bus->match && !drv->bus->match(dev, drv))
		return 0;
	dev->driver = drv;
	if (drv->bus->probe)
		ret = drv->bus->probe(dev);
	else
		ret = drv->probe ? drv->probe(dev) : 0;
	if (ret) {
		dev_err(dev, "probe with driver %s failed with error %d\n", drv->name, ret);
		dde_devres_release_all(dev);
		dev->driver = NULL;
		return ret;
	}
	dde_device_bound(1);
	dev_info(dev, "bound to driver %s\n", drv->name);
	return 1;
}

static void unbind(struct device *dev)
{
	struct device_driver *drv = dev->driver;

	if (!drv)
		return;
	if (drv->bus->remove)
		drv->bus->remove(dev);
	else if (drv->remove)
		drv->remove(dev);
	dde_devres_release_all(dev);
	dev->driver = NULL;
	dde_device_bound(-1);
}

int driver_register(struct device_driver *drv)
{
	struct dde_driver *d = kzalloc(sizeof(*d), GFP_KERNEL);
	struct dde_dev *e;

	if (!d)
		return -ENOMEM;
	if (!drv->bus) {
		kfree(d);
		return -EINVAL;
	}
	d->drv = drv;
	list_add_tail(&d->node, &drivers);
	list_for_each_entry(e, &devices, node)
		bind(e->dev, drv); /* as Linux: a failed probe leaves the driver registered */
	return 0;
}

void driver_unregister(struct device_driver *drv)
{
	struct dde_driver *d, *n;
	struct dde_dev *e;

	list_for_each_entry(e, &devices, node) {
		if (e->dev->driver == drv)
			unbind(e->dev);
	}
	list_for_each_entry_safe(d, n, &drivers, node) {
		if (d->drv == drv) {
			list_del(&d->node);
			kfree(d);
		}
	}
}

void device_initialize(struct device *dev)
{
	dde_device_init(dev, NULL);
	kref_init(&dev->kobj.kref);
}

int dev_set_name(struct device *dev, const char *fmt, ...)
{
	va_list ap;
	char *name;

	va_start(ap, fmt);
	name = kvasprintf(GFP_KERNEL, fmt, ap);
	va_end(ap);
	if (!name)
		return -ENOMEM;
	kfree(dev->kobj.name);
	dev->kobj.name = name;
	return 0;
}

int device_add(struct device *dev)
{
	struct dde_dev *e;
	struct dde_driver *d;

	if (!dev_name(dev))
		return -EINVAL;
	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	e->dev = dev;
	get_device(dev);
	list_add_tail(&e->node, &devices);
	list_for_each_entry(d, &drivers, node) {
		if (bind(dev, d->drv) > 0)
			break;
	}
	return 0;
}

int device_register(struct device *dev)
{
	device_initialize(dev);
	return device_add(dev);
}

void device_del(struct device *dev)
{
	struct dde_dev *e, *n;

	unbind(dev);
	list_for_each_entry_safe(e, n, &devices, node) {
		if (e->dev == dev) {
			list_del(&e->node);
			kfree(e);
			put_device(dev);
		}
	}
}

void device_unregister(struct device *dev)
{
	device_del(dev);
	put_device(dev);
}

struct device *get_device(struct device *dev)
{
	if (dev)
		kref_get(&dev->kobj.kref);
	return dev;
}

static void device_release(struct kref *kref)
{
	struct device *dev = container_of(kref, struct device, kobj.kref);
	const char *name = dev->kobj.name;

	if (dev->release)
		dev->release(dev);
	else if (dev->type && dev->type->release)
		dev->type->release(dev);
	else if (dev->class && dev->class->dev_release)
		dev->class->dev_release(dev);
	kfree(name);
}

void put_device(struct device *dev)
{
	if (dev)
		kref_put(&dev->kobj.kref, device_release);
}
