/* SPDX-License-Identifier: MIT */
/*
 * Checks that a buffer holds an AArch64 ELF64 executable that bootstrap can
 * load: little-endian, ET_EXEC, program headers and segments inside the file,
 * every PT_LOAD within the load window (IMAGE_LOAD_MIN..IMAGE_LOAD_MAX) by
 * physical address, no two segments overlapping, entry inside a segment.
 */
#ifndef MKIMAGE_ELFCHECK_H
#define MKIMAGE_ELFCHECK_H

#include <stddef.h>
#include <stdint.h>

#define ELFCHECK_MAX_SEGS 16

struct elfcheck_seg {
	uint64_t paddr; /* physical load address */
	uint64_t vaddr;
	uint64_t memsz;
};

struct elfcheck_info {
	uint64_t entry; /* e_entry (virtual) */
	unsigned nr_segs;
	struct elfcheck_seg segs[ELFCHECK_MAX_SEGS];
};

/* Returns 0, or -1 with the reason (no file name) in err. */
int elfcheck(const unsigned char *buf, size_t len, struct elfcheck_info *out, char *err,
	     size_t errsz);

/* Returns 0 when no PT_LOAD of a overlaps one of b, else -1 with a reason. */
int elfcheck_overlap(const struct elfcheck_info *a, const struct elfcheck_info *b, char *err,
		     size_t errsz);

#endif /* MKIMAGE_ELFCHECK_H */
