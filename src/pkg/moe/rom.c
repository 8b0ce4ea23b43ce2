// SPDX-License-Identifier: MIT
/*
 * The rom/ namespace of this precursor: the boot modules of the bootinfo,
 * found by their basename.  The bootinfo and the modules are boot memory,
 * which sigma0 maps 1:1 when moe touches them, so moe reads them by their
 * physical address.
 */
#include "moe.h"

#include "bootinfo.h"

#include <l4/sys/err.h>
#include <l4/sys/kip.h>
#include <l4/util/printf.h>
#include <l4/util/string.h>

static const struct bootinfo *bi;

int moe_rom_init(void)
{
	uint32_t i;

	bi = (const struct bootinfo *)l4_kip()->user_ptr;
	if (!bi || bi->magic != BOOTINFO_MAGIC || bi->nr_modules < 2 ||
	    bi->nr_modules > BOOTINFO_MAX_MODULES)
		return -L4_EINVAL;
	for (i = 2; i < bi->nr_modules; i++)
		printf("moe: rom/%s: %lu bytes\n", bi->modules[i].name,
		       (unsigned long)bi->modules[i].size);
	return 0;
}

const struct bootinfo_module *moe_rom_find(const char *name)
{
	uint32_t i;

	if (!strncmp(name, "rom/", 4))
		name += 4;
	for (i = 2; i < bi->nr_modules; i++) {
		if (!strcmp(bi->modules[i].name, name))
			return &bi->modules[i];
	}
	return NULL;
}

const struct bootinfo_module *moe_rom_self(void)
{
	return &bi->modules[BOOTINFO_MOD_ROOTTASK];
}
