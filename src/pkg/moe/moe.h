/* SPDX-License-Identifier: MIT */
/*
 * moe's internal interfaces.  One struct app per started program: its
 * kernel objects, the memory moe backs it with (regions), and its partial
 * log line.  Gate labels are (app index + 1) << 4, the low four bits being
 * the rights the kernel ORs in (docs/abi.md §4.4).
 */
#ifndef MOE_MOE_H
#define MOE_MOE_H

#include <stdbool.h>
#include <stdint.h>

#include <l4/sys/types.h>

#define MOE_MAX_APPS 16
#define MOE_MAX_REGIONS 12
#define MOE_LINE_MAX 240
#define MOE_NAME_MAX 32

/* Child address-space layout (below the typical 0x01000000 link address and
 * far from anything an ELF program would link at). */
#define MOE_CHILD_UTCB_AREA 0x00f00000UL /* one page of ku_mem: 4 UTCBs */
#define MOE_CHILD_STACK_TOP 0x80000000UL
#define MOE_CHILD_STACK_SIZE (64UL << 10)
#define MOE_CHILD_PRIO 2

/* A page-granular piece of a child's address space moe backs with memory. */
struct moe_region {
	uint64_t va;	  /* child address, page aligned */
	uint64_t size;	  /* bytes, page multiple */
	uint64_t backing; /* moe's address of the first byte */
	unsigned rights;  /* L4_FPAGE_R/W/X */
};

struct moe_app {
	bool used;
	bool dead; /* stopped after a fault or exception moe could not resolve */
	char name[MOE_NAME_MAX];
	l4_cap_idx_t task, thread, gate;
	struct moe_region regions[MOE_MAX_REGIONS];
	unsigned nr_regions;
	uint64_t entry;
	char line[MOE_LINE_MAX];
	unsigned line_len;
};

struct bootinfo_module;

/* rom.c: the boot modules by name. */
int moe_rom_init(void);
const struct bootinfo_module *moe_rom_find(const char *name);
const struct bootinfo_module *moe_rom_self(void);

/* mem.c: zeroed memory from sigma0, mapped into moe's own space. */
void *moe_alloc_pages(uint64_t size);

/* elf_load.c: regions for the PT_LOAD segments, contents copied in. */
int moe_elf_load(struct moe_app *app, const void *image, uint64_t size);

/* app_start.c */
struct moe_app *moe_app_lookup(l4_umword_t label);
int moe_app_start(const char *path, int argc, char *const argv[]);
int moe_app_add_region(struct moe_app *app, uint64_t va, uint64_t size, unsigned rights,
		       uint64_t backing);

/*
 * Handlers of the main loop.  They prepare a reply in the UTCB and return
 * true, or return false when there must be no reply (a send, or a program
 * that stays stopped).
 */
bool moe_log_handle(struct moe_app *app, l4_msgtag_t tag, l4_msgtag_t *reply);
bool moe_pager_fault(struct moe_app *app, l4_msgtag_t *reply);
bool moe_pager_exception(struct moe_app *app, l4_msgtag_t *reply);

#endif /* MOE_MOE_H */
