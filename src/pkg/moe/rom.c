// SPDX-License-Identifier: MIT
/*
 * rom/: every boot module of the bootinfo as a read-only dataspace in a
 * read-only namespace, by basename.  The modules are boot memory that
 * sigma0 maps 1:1 when moe touches it, so a module's moe address is its
 * physical address.
 */
#include "moe.h"

#include "bootinfo.h"

#include <l4/sys/err.h>
#include <l4/sys/kip.h>
#include <l4/util/printf.h>
#include <l4/util/string.h>

static const struct bootinfo *bi;
static int rom_ns = -1;

int moe_rom_init(void)
{
	bi = (const struct bootinfo *)l4_kip()->user_ptr;
	if (!bi || bi->magic != BOOTINFO_MAGIC || bi->nr_modules < 2 ||
	    bi->nr_modules > BOOTINFO_MAX_MODULES)
		return -L4_EINVAL;
	rom_ns = moe_ns_create(true);
	if (rom_ns < 0)
		return rom_ns;
	for (uint32_t i = 2; i < bi->nr_modules; i++) {
		const struct bootinfo_module *m = &bi->modules[i];
		int ds = moe_ds_create_rom(m->start, m->size);

		if (ds < 0 || moe_ns_add_obj(rom_ns, m->name, ds, L4_CAP_FPAGE_RS) < 0)
			printf("moe: rom: %s: cannot publish\n", m->name);
		else
			printf("moe: rom: %s, %lu bytes\n", m->name, (unsigned long)m->size);
	}
	return 0;
}

int moe_rom_ns(void)
{
	return rom_ns;
}

const char *moe_rom_cmdline(void)
{
	return bi->modules[BOOTINFO_MOD_ROOTTASK].cmdline;
}

int moe_rom_find(const char *name)
{
	if (!strncmp(name, "rom/", 4))
		name += 4;
	for (uint32_t i = 2; i < bi->nr_modules; i++) {
		if (strcmp(bi->modules[i].name, name))
			continue;
		/* The namespace holds the dataspaces in module order, newest first. */
		for (int obj = 1; obj < MOE_MAX_OBJS; obj++) {
			struct moe_obj *o = moe_obj(obj);

			if (o->type == MOE_OBJ_DS && o->ds.rom &&
			    o->ds.addr == bi->modules[i].start)
				return obj;
		}
	}
	return -1;
}
