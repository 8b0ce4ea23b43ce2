// SPDX-License-Identifier: MIT
/*
 * Device-tree accessors.  dde-linux's devices carry no device_node (the
 * platform bus matches by the compatible string io found them by, see
 * platform.c), so every lookup behaves as Linux's does for a device
 * without a device-tree node: nothing is found.  A driver that needs
 * properties would need io to serve them first.
 */
#include <linux/of.h>

struct property *of_find_property(const struct device_node *np, const char *name, int *lenp)
{
	if (lenp)
		*lenp = 0;
	return NULL;
}

int of_device_is_compatible(const struct device_node *device, const char *compat)
{
	return 0;
}

struct device_node *of_get_next_available_child(const struct device_node *node,
						struct device_node *prev)
{
	return NULL;
}
