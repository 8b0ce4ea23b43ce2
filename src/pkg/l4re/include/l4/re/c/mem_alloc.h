/* SPDX-License-Identifier: MIT */
/*
 * Memory allocator (L4Re's <l4/re/c/mem_alloc.h>).  As in L4Re, the
 * allocator is a factory: l4re_ma_alloc() is a factory create of an
 * L4RE_PROTO_DATASPACE object with (size, flags, align); the same object
 * also creates region maps, namespaces and logs (docs/runtime.md,
 * "Memory allocator / factory").
 *
 * moe's dataspaces are anonymous RAM, zero-filled, backed eagerly and
 * always physically contiguous (so L4RE_MA_CONTINUOUS always holds).
 * Unlike today's L4Re, l4re_ma_free() really frees: it drops the
 * allocation's reference (dataspace Release); at zero references moe
 * revokes all mappings of the memory, takes it back and deletes the
 * object.  The capability slot stays allocated (l4re_util_cap_free()).
 */
#ifndef L4_RE_C_MEM_ALLOC_H
#define L4_RE_C_MEM_ALLOC_H

#include <l4/re/c/dataspace.h>
#include <l4/re/env.h>
#include <l4/sys/consts.h>

EXTERN_C_BEGIN

enum l4re_ma_flags {
	L4RE_MA_CONTINUOUS = 0x01,
	L4RE_MA_PINNED = 0x02,
	L4RE_MA_SUPER_PAGES = 0x04,
};

/*
 * A new dataspace of size bytes (granularity: pages) in the capability
 * slot mem.  align: log2 alignment (at least L4_PAGESHIFT; with
 * L4RE_MA_SUPER_PAGES at least L4_SUPERPAGESHIFT).  0, -L4_ENOMEM (not
 * enough free memory; never blocks), -L4_ERANGE (size 0 or negative),
 * or an IPC error.
 */
long l4re_ma_alloc_align_srv(l4_cap_idx_t srv, long size, l4re_ds_t const mem, unsigned long flags,
			     unsigned long align);

/* Frees the dataspace (see above); srv is not used. */
long l4re_ma_free_srv(l4_cap_idx_t srv, l4re_ds_t const mem);

/*
 * (L4ReC) Statistics of the allocator: bytes it manages and bytes free.
 * 0 or a negative error.
 */
long l4re_ma_info_srv(l4_cap_idx_t srv, l4_umword_t *total, l4_umword_t *free_bytes);

L4_INLINE long l4re_ma_alloc(long size, l4re_ds_t const mem, unsigned long flags)
{
	return l4re_ma_alloc_align_srv(l4re_global_env->mem_alloc, size, mem, flags, 0);
}

L4_INLINE long l4re_ma_alloc_align(long size, l4re_ds_t const mem, unsigned long flags,
				   unsigned long align)
{
	return l4re_ma_alloc_align_srv(l4re_global_env->mem_alloc, size, mem, flags, align);
}

L4_INLINE long l4re_ma_free(l4re_ds_t const mem)
{
	return l4re_ma_free_srv(l4re_global_env->mem_alloc, mem);
}

L4_INLINE long l4re_ma_info(l4_umword_t *total, l4_umword_t *free_bytes)
{
	return l4re_ma_info_srv(l4re_global_env->mem_alloc, total, free_bytes);
}

/*
 * (L4ReC) Other objects the allocator creates (L4Re's moe factory): a
 * region map (name: used in fault reports), an empty namespace, a log
 * whose lines are prefixed "<name> | ".  The new capability goes into
 * slot cap.  0 or a negative error.
 */
long l4re_ma_create_rm_srv(l4_cap_idx_t srv, l4_cap_idx_t cap, char const *name);
long l4re_ma_create_ns_srv(l4_cap_idx_t srv, l4_cap_idx_t cap);
long l4re_ma_create_log_srv(l4_cap_idx_t srv, l4_cap_idx_t cap, char const *name);

EXTERN_C_END

#endif /* L4_RE_C_MEM_ALLOC_H */
