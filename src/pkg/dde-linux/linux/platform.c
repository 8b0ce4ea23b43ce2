// SPDX-License-Identifier: MIT
/*
 * The platform bus, with its devices from the device tree through io:
 * when a platform driver registers, each compatible string of its
 * of_match_table is looked up on the server's virtual bus ("vbus", io's
 * "compatible=<c>#n" matches, so only devices io's configuration put on
 * the bus are found).  Each one becomes a platform_device named as
 * Linux names device-tree devices ("a003e00.virtio_mmio"), with its
 * register regions (io's dataspaces, already mapped: the driver's
 * ioremap() finds them) and its interrupts (io's Irq objects) as
 * resources.  There is no device_node: drivers that read device-tree
 * properties beyond compatible are not served yet.
 */
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/of_device.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#include "dde_linux.h"

#define MAX_RESOURCES 8

struct dde_pdev {
	struct platform_device pdev;
	struct resource res[MAX_RESOURCES];
	int vbus_index;
	const struct of_device_id *match; /* the entry it was found by */
};

static struct dde_pdev *pdevs[16];
static unsigned nr_pdevs;

static int platform_match(struct device *dev, struct device_driver *drv)
{
	struct dde_pdev *p = container_of(to_platform_device(dev), struct dde_pdev, pdev);
	const struct of_device_id *id;

	for (id = drv->of_match_table; id && id->compatible[0]; id++) {
		if (!strcmp(id->compatible, p->match->compatible))
			return 1;
	}
	return 0;
}

static int platform_probe(struct device *dev)
{
	struct platform_driver *drv = to_platform_driver(dev->driver);

	return drv->probe ? drv->probe(to_platform_device(dev)) : 0;
}

static void platform_remove(struct device *dev)
{
	struct platform_driver *drv = to_platform_driver(dev->driver);

	if (drv->remove)
		drv->remove(to_platform_device(dev));
}

struct bus_type platform_bus_type = {
	.name = "platform",
	.match = platform_match,
	.probe = platform_probe,
	.remove = platform_remove,
};

static bool known(int index)
{
	unsigned i;

	for (i = 0; i < nr_pdevs; ++i) {
		if (pdevs[i]->vbus_index == index)
			return true;
	}
	return false;
}

static int add_device(int index, const struct of_device_id *match)
{
	struct dde_vbus_dev vd;
	struct dde_pdev *p;
	char *name;
	int err;

	if (nr_pdevs == ARRAY_SIZE(pdevs))
		return -ENOMEM;
	err = dde_l4_vbus_device(index, &vd);
	if (err < 0)
		return err;
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	name = dde_vbus_dt_name(vd.name);
	if (!p || !name) {
		kfree(p);
		kfree(name);
		return -ENOMEM;
	}
	p->vbus_index = index;
	p->match = match;
	p->pdev.name = name;
	p->pdev.id = PLATFORM_DEVID_NONE;
	device_initialize(&p->pdev.dev);
	p->pdev.dev.bus = &platform_bus_type;
	p->pdev.dev.dma_mask = &p->pdev.dev.coherent_dma_mask;
	p->pdev.dev.coherent_dma_mask = DMA_BIT_MASK(32);
	err = dde_vbus_resources(index, &vd, name, p->res, MAX_RESOURCES);
	if (err >= 0) {
		p->pdev.num_resources = err;
		p->pdev.resource = p->res;
		err = dev_set_name(&p->pdev.dev, "%s", name);
	}
	if (err < 0) {
		pr_err("dde: device %s from io: error %d\n", vd.name, err);
		return err;
	}
	pdevs[nr_pdevs++] = p;
	return device_add(&p->pdev.dev);
}

/* The devices on the vbus a driver's of_match_table names. */
static void find_devices(const struct of_device_id *table)
{
	const struct of_device_id *id;
	char match[160];
	int n, index;

	for (id = table; id && id->compatible[0]; id++) {
		for (n = 0;; n++) {
			snprintf(match, sizeof(match), "compatible=%s#%d", id->compatible, n);
			index = dde_l4_vbus_find(match);
			if (index < 0)
				break;
			if (!known(index))
				add_device(index, id);
		}
	}
}

int __platform_driver_register(struct platform_driver *drv, struct module *owner)
{
	drv->driver.bus = &platform_bus_type;
	find_devices(drv->driver.of_match_table);
	return driver_register(&drv->driver);
}

void platform_driver_unregister(struct platform_driver *drv)
{
	driver_unregister(&drv->driver);
}

struct resource *platform_get_resource(struct platform_device *dev, unsigned int type,
				       unsigned int num)
{
	u32 i;

	for (i = 0; i < dev->num_resources; i++) {
		struct resource *r = &dev->resource[i];

		if (type == resource_type(r) && num-- == 0)
			return r;
	}
	return NULL;
}

int platform_get_irq_optional(struct platform_device *dev, unsigned int num)
{
	struct resource *r = platform_get_resource(dev, IORESOURCE_IRQ, num);

	return r ? (int)r->start : -ENXIO;
}

int platform_get_irq(struct platform_device *dev, unsigned int num)
{
	int ret = platform_get_irq_optional(dev, num);

	if (ret < 0)
		dev_err(&dev->dev, "IRQ index %u not found\n", num);
	return ret;
}

void __iomem *devm_platform_get_and_ioremap_resource(struct platform_device *pdev,
						     unsigned int index, struct resource **res)
{
	struct resource *r = platform_get_resource(pdev, IORESOURCE_MEM, index);

	if (res)
		*res = r;
	return devm_ioremap_resource(&pdev->dev, r);
}

void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev, unsigned int index)
{
	return devm_platform_get_and_ioremap_resource(pdev, index, NULL);
}
