// SPDX-License-Identifier: MIT
/*
 * Managed device resources (devres): each devm_* allocation is a node on
 * the device's devres list with a release function; unbinding the driver
 * or a failed probe releases them newest first, as in
 * drivers/base/devres.c (whose node layout is private, so this is ours).
 */
#include <linux/device.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "dde_linux.h"

struct dde_devres {
	struct list_head entry;
	dr_release_t release;
	const char *name;
	size_t size;
	u8 __aligned(ARCH_KMALLOC_MINALIGN) data[];
};

static struct dde_devres *to_node(void *res)
{
	return container_of(res, struct dde_devres, data);
}

void *__devres_alloc_node(dr_release_t release, size_t size, gfp_t gfp, int nid, const char *name)
{
	struct dde_devres *dr = kmalloc(sizeof(*dr) + size, gfp | __GFP_ZERO);

	if (!dr)
		return NULL;
	INIT_LIST_HEAD(&dr->entry);
	dr->release = release;
	dr->name = name;
	dr->size = size;
	return dr->data;
}

void devres_free(void *res)
{
	if (res)
		kfree(to_node(res));
}

void devres_add(struct device *dev, void *res)
{
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	list_add_tail(&to_node(res)->entry, &dev->devres_head);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
}

static struct dde_devres *find_dr(struct device *dev, dr_release_t release, dr_match_t match,
				  void *match_data)
{
	struct dde_devres *dr;

	list_for_each_entry_reverse(dr, &dev->devres_head, entry)
	{
		/* cppcheck does not know list_for_each_entry: the entry is set */
		// cppcheck-suppress uninitvar
		if (dr->release != release)
			continue;
		if (match && !match(dev, dr->data, match_data))
			continue;
		return dr;
	}
	return NULL;
}

void *devres_find(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	struct dde_devres *dr = find_dr(dev, release, match, match_data);

	return dr ? dr->data : NULL;
}

void *devres_remove(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	struct dde_devres *dr;
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	dr = find_dr(dev, release, match, match_data);
	if (dr)
		list_del_init(&dr->entry);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	return dr ? dr->data : NULL;
}

int devres_destroy(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	void *res = devres_remove(dev, release, match, match_data);

	if (!res)
		return -ENOENT;
	devres_free(res);
	return 0;
}

int devres_release(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	void *res = devres_remove(dev, release, match, match_data);

	if (!res)
		return -ENOENT;
	release(dev, res);
	devres_free(res);
	return 0;
}

void dde_devres_release_all(struct device *dev)
{
	struct dde_devres *dr;

	while (!list_empty(&dev->devres_head)) {
		dr = list_last_entry(&dev->devres_head, struct dde_devres, entry);
		list_del_init(&dr->entry);
		if (dr->release)
			dr->release(dev, dr->data);
		kfree(dr);
	}
}

/* devm_kmalloc: the node's data is the memory; nothing to release. */
static void devm_kmalloc_release(struct device *dev, void *res)
{
}

static int devm_kmalloc_match(struct device *dev, void *res, void *data)
{
	return res == data;
}

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
	void *p = __devres_alloc_node(devm_kmalloc_release, size, gfp, NUMA_NO_NODE, "kmalloc");

	if (p)
		devres_add(dev, p);
	return p;
}

void devm_kfree(struct device *dev, const void *p)
{
	WARN_ON(devres_destroy(dev, devm_kmalloc_release, devm_kmalloc_match, (void *)p));
}

void *devm_kmemdup(struct device *dev, const void *src, size_t len, gfp_t gfp)
{
	void *p = devm_kmalloc(dev, len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}

char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp)
{
	return s ? devm_kmemdup(dev, s, strlen(s) + 1, gfp) : NULL;
}

/* devm_add_action: a node whose release calls action(data). */
struct action_devres {
	void *data;
	void (*action)(void *);
};

static void devm_action_release(struct device *dev, void *res)
{
	struct action_devres *a = res;

	a->action(a->data);
}

int devm_add_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_devres *a = __devres_alloc_node(devm_action_release, sizeof(*a), GFP_KERNEL,
						      NUMA_NO_NODE, "action");

	if (!a)
		return -ENOMEM;
	a->data = data;
	a->action = action;
	devres_add(dev, a);
	return 0;
}

/* devm_ioremap: the mapping stays (iounmap is a no-op, see io.c). */
void devm_ioremap_release(struct device *dev, void *res)
{
	iounmap(*(void __iomem **)res);
}

void __iomem *devm_ioremap(struct device *dev, resource_size_t offset, resource_size_t size)
{
	void __iomem **ptr = __devres_alloc_node(devm_ioremap_release, sizeof(*ptr), GFP_KERNEL,
						 NUMA_NO_NODE, "ioremap");
	void __iomem *addr;

	if (!ptr)
		return NULL;
	addr = ioremap(offset, size);
	if (!addr) {
		devres_free(ptr);
		return NULL;
	}
	*ptr = addr;
	devres_add(dev, ptr);
	return addr;
}

void __iomem *devm_ioremap_resource(struct device *dev, const struct resource *res)
{
	void __iomem *addr;

	if (!res || resource_type(res) != IORESOURCE_MEM) {
		dev_err(dev, "invalid resource\n");
		return IOMEM_ERR_PTR(-EINVAL);
	}
	addr = devm_ioremap(dev, res->start, resource_size(res));
	if (!addr) {
		dev_err(dev, "ioremap failed for resource %pR\n", res);
		return IOMEM_ERR_PTR(-ENOMEM);
	}
	return addr;
}
