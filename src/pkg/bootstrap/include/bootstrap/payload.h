/* SPDX-License-Identifier: MIT */
/*
 * The boot image payload: what tools/mkimage packs from one modules.list
 * entry and bootstrap unpacks at boot.  The payload is linked into the
 * bootstrap ELF as section .payload (page aligned, after bootstrap's .bss),
 * so it lies in RAM at a page-aligned physical address chosen by the link.
 *
 * Layout (all little-endian, offsets from the start of the payload):
 *   0                       struct image_payload (fixed size)
 *   IMAGE_PAYLOAD_DATA_OFF  module bytes, each starting on a page boundary,
 *                           in the order of modules[]
 * modules[0] is the kernel, [1] sigma0, [2] the root task, [3..] every
 * `module` line in order.  The kernel's arguments are kept in its cmdline
 * although bootinfo has no place for them yet.
 *
 * Shared by the host tool and bootstrap: fixed-size, pointer-free.
 */
#ifndef L4REC_BOOTSTRAP_PAYLOAD_H
#define L4REC_BOOTSTRAP_PAYLOAD_H

#include <stdint.h>

#include "bootinfo.h"

#define IMAGE_PAYLOAD_MAGIC 0x314c594150524c34ULL /* "L4RPAYL1" little-endian */
#define IMAGE_PAYLOAD_VERSION 1
#define IMAGE_PAGE_SIZE 4096ULL

/* kernel + every bootinfo module (sigma0, root task, modules) */
#define IMAGE_MAX_MODULES (BOOTINFO_MAX_MODULES + 1)

#define IMAGE_MOD_KERNEL 0
#define IMAGE_MOD_SIGMA0 1
#define IMAGE_MOD_ROOTTASK 2
#define IMAGE_MOD_FIRST_PLAIN 3

/*
 * Physical addresses the ELF segments of kernel, sigma0 and root task may
 * use: QEMU virt's RAM starts at 0x4000_0000 and the DTB takes its first
 * MiB.  mkimage checks against this window; bootstrap checks again against
 * the RAM bank the DTB reports and against its own image.
 */
#define IMAGE_RAM_BASE 0x40000000ULL
#define IMAGE_DTB_SIZE 0x00100000ULL
#define IMAGE_LOAD_MIN (IMAGE_RAM_BASE + IMAGE_DTB_SIZE)
#define IMAGE_LOAD_MAX 0x100000000ULL /* exclusive: RAM below 4 GiB */

struct image_module {
	uint64_t offset;		    /* from the payload start, page aligned */
	uint64_t size;			    /* bytes of the file */
	char name[BOOTINFO_NAME_LEN];	    /* basename, NUL terminated */
	char cmdline[BOOTINFO_CMDLINE_LEN]; /* the line minus the keyword */
};

struct image_payload {
	uint64_t magic;	     /* IMAGE_PAYLOAD_MAGIC */
	uint32_t version;    /* IMAGE_PAYLOAD_VERSION */
	uint32_t nr_modules; /* >= 3: kernel, sigma0, root task */
	uint64_t total_size; /* bytes including this header, page multiple */
	char entry_name[BOOTINFO_NAME_LEN];
	struct image_module modules[IMAGE_MAX_MODULES];
};

#define IMAGE_PAYLOAD_DATA_OFF \
	((sizeof(struct image_payload) + IMAGE_PAGE_SIZE - 1) & ~(IMAGE_PAGE_SIZE - 1))

_Static_assert(sizeof(struct image_module) == 272, "image_module layout");
_Static_assert(sizeof(struct image_payload) == 88 + IMAGE_MAX_MODULES * 272,
	       "image_payload layout");
_Static_assert(__builtin_offsetof(struct image_payload, modules) == 88, "modules offset");
_Static_assert(IMAGE_MAX_MODULES == BOOTINFO_MAX_MODULES + 1, "one slot per bootinfo module");

#endif /* L4REC_BOOTSTRAP_PAYLOAD_H */
