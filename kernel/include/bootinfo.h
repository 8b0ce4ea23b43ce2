/* SPDX-License-Identifier: MIT */
/*
 * The hand-over record from bootstrap to the kernel, and from the kernel to
 * the root task (through kip->user_ptr).  bootstrap builds it in memory that
 * stays reserved for the lifetime of the system; the kernel reads it at boot,
 * and sigma0 maps it (and every module) 1:1 so that the root task can read
 * module names, command lines and contents by physical address.
 *
 * Everything is fixed-size and pointer-free so that host tools, bootstrap,
 * the kernel and user programs can share this one header.
 */
#ifndef L4REC_BOOTINFO_H
#define L4REC_BOOTINFO_H

#include <stdint.h>

#define BOOTINFO_MAGIC 0x3149426365523441ULL /* "A4ReCBI1" little-endian */
#define BOOTINFO_MAX_MODULES 32
#define BOOTINFO_MAX_REGIONS 32
#define BOOTINFO_NAME_LEN 64
#define BOOTINFO_CMDLINE_LEN 192

/* What a physical memory region is. */
enum bootinfo_region_type {
	BOOTINFO_RAM = 1,      /* usable RAM (the whole bank from the DTB) */
	BOOTINFO_RESERVED = 2, /* within RAM, not for anyone (DTB) */
	BOOTINFO_KERNEL = 3,   /* kernel image: never given to user land */
	BOOTINFO_BOOT = 4,     /* bootstrap, bootinfo, modules, sigma0, roottask:
				  owned by sigma0 so the root task can read
				  them, never handed out as free memory */
};

struct bootinfo_region {
	uint64_t start; /* physical, page aligned */
	uint64_t size;	/* bytes, page multiple */
	uint32_t type;	/* enum bootinfo_region_type */
	uint32_t pad;
};

/*
 * modules[0] is sigma0, modules[1] the root task, then every `module` line of
 * the modules.list entry in order.  sigma0 and the root task are ELF-loaded by
 * bootstrap to their physical link addresses (virtual == physical); their
 * entry points are in `entry`.  Other modules stay as plain bytes at `start`.
 */
struct bootinfo_module {
	uint64_t start;		      /* physical address of the module's bytes (page aligned) */
	uint64_t size;		      /* bytes */
	uint64_t entry;		      /* ELF entry for sigma0/roottask, else 0 */
	char name[BOOTINFO_NAME_LEN]; /* basename, NUL terminated */
	char cmdline[BOOTINFO_CMDLINE_LEN]; /* module line minus the keyword */
};

struct bootinfo {
	uint64_t magic;			   /* BOOTINFO_MAGIC */
	uint64_t size;			   /* sizeof(struct bootinfo) */
	uint64_t dtb;			   /* physical address of the FDT, 0 if none */
	uint64_t kernel_start, kernel_end; /* physical extent of the kernel */
	uint32_t nr_regions;
	uint32_t nr_modules;
	char entry_name[BOOTINFO_NAME_LEN]; /* the modules.list entry booted */
	struct bootinfo_region regions[BOOTINFO_MAX_REGIONS];
	struct bootinfo_module modules[BOOTINFO_MAX_MODULES];
};

#define BOOTINFO_MOD_SIGMA0 0
#define BOOTINFO_MOD_ROOTTASK 1

_Static_assert(sizeof(struct bootinfo_region) == 24, "bootinfo_region ABI");
_Static_assert(sizeof(struct bootinfo_module) == 280, "bootinfo_module ABI");

#endif /* L4REC_BOOTINFO_H */
