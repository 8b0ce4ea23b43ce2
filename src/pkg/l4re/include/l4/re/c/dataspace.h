/* SPDX-License-Identifier: MIT */
/*
 * Dataspaces (L4Re's <l4/re/c/dataspace.h>): memory objects a server
 * (moe) provides and a region map pages from.  Names, types, flags and
 * semantics are L4Re's; the stubs live in libl4re.a and speak the
 * protocol of docs/runtime.md ("Dataspace").
 *
 * A capability without the W right gives read-only access: map with
 * L4RE_DS_F_W, clear, allocate and copy_in into it fail with -L4_EPERM.
 */
#ifndef L4_RE_C_DATASPACE_H
#define L4_RE_C_DATASPACE_H

#include <l4/sys/types.h>

EXTERN_C_BEGIN

typedef l4_cap_idx_t l4re_ds_t;
typedef l4_uint64_t l4re_ds_size_t;
typedef l4_uint64_t l4re_ds_offset_t;
typedef l4_uint64_t l4re_ds_map_addr_t;
typedef unsigned long l4re_ds_flags_t;

typedef struct {
	l4re_ds_size_t size;   /* bytes, as allocated */
	l4re_ds_flags_t flags; /* L4RE_DS_F_* rights this capability grants, caching */
} l4re_ds_stats_t;

enum l4re_ds_map_flags {
	L4RE_DS_F_R = L4_FPAGE_RO,
	L4RE_DS_F_W = L4_FPAGE_W,
	L4RE_DS_F_X = L4_FPAGE_X,
	L4RE_DS_F_RW = L4_FPAGE_RW,
	L4RE_DS_F_RX = L4_FPAGE_RX,
	L4RE_DS_F_RWX = L4_FPAGE_RWX,

	L4RE_DS_F_RIGHTS_MASK = 0x0f,

	L4RE_DS_F_NORMAL = 0x00,
	L4RE_DS_F_CACHEABLE = L4RE_DS_F_NORMAL,
	L4RE_DS_F_BUFFERABLE = 0x10,
	L4RE_DS_F_UNCACHEABLE = 0x20,
	L4RE_DS_F_CACHING_MASK = 0x30,
	L4RE_DS_F_CACHING_SHIFT = 4,
};

/*
 * Map the page of ds at offset to local_addr in the caller's task (the
 * page containing local_addr; min_addr/max_addr bound the mapping).
 * 0 or a negative error.
 */
int l4re_ds_map(l4re_ds_t ds, l4re_ds_offset_t offset, l4re_ds_flags_t flags,
		l4re_ds_map_addr_t local_addr, l4re_ds_map_addr_t min_addr,
		l4re_ds_map_addr_t max_addr);

/* Map [min_addr, max_addr) from offset on, page by page. */
int l4re_ds_map_region(l4re_ds_t ds, l4re_ds_offset_t offset, l4re_ds_flags_t flags,
		       l4re_ds_map_addr_t min_addr, l4re_ds_map_addr_t max_addr);

/* Zero [offset, offset + size) (clipped to the dataspace). */
long l4re_ds_clear(l4re_ds_t ds, l4re_ds_offset_t offset, l4re_ds_size_t size);

/* Back [offset, offset + size) with memory now (moe: always already backed). */
long l4re_ds_allocate(l4re_ds_t ds, l4re_ds_offset_t offset, l4re_ds_size_t size);

/* Copy size bytes from src at src_offs to ds at dst_offs (same server). */
int l4re_ds_copy_in(l4re_ds_t ds, l4re_ds_offset_t dst_offs, l4re_ds_t src,
		    l4re_ds_offset_t src_offs, l4re_ds_size_t size);

/* Size in bytes, or a negative error (cast to the unsigned type, as in L4Re). */
l4re_ds_size_t l4re_ds_size(l4re_ds_t ds);

/* Rights (and caching flags) of this capability, or a negative error. */
l4re_ds_flags_t l4re_ds_flags(l4re_ds_t ds);

/* Size and flags in one call; 0 or a negative error. */
int l4re_ds_info(l4re_ds_t ds, l4re_ds_stats_t *stats);

/*
 * (L4ReC) Physical address of the byte at offset and how many bytes are
 * physically contiguous from there (for drivers; moe's dataspaces are
 * always contiguous).  0 or a negative error.
 */
int l4re_ds_phys(l4re_ds_t ds, l4re_ds_offset_t offset, l4_addr_t *phys, l4_size_t *contig);

EXTERN_C_END

#endif /* L4_RE_C_DATASPACE_H */
