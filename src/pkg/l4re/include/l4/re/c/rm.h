/* SPDX-License-Identifier: MIT */
/*
 * Region map (L4Re's <l4/re/c/rm.h>): the address-space layout of a task.
 * Each region maps a part of a dataspace at an address; the region map
 * object (in moe) is the pager of the task's threads and resolves their
 * page faults from the attached dataspaces.  Names, flags and semantics
 * are L4Re's; the protocol is in docs/runtime.md ("Region map").
 *
 * Detaching unmaps the region's pages from the calling task (as L4Re's
 * client side does, with L4_BASE_TASK_CAP, or the task given to the
 * *_unmap variants; L4_INVALID_CAP: no unmap).
 */
#ifndef L4_RE_C_RM_H
#define L4_RE_C_RM_H

#include <l4/re/c/dataspace.h>
#include <l4/re/env.h>

EXTERN_C_BEGIN

enum l4re_rm_flags_values {
	L4RE_RM_F_R = L4RE_DS_F_R,
	L4RE_RM_F_W = L4RE_DS_F_W,
	L4RE_RM_F_X = L4RE_DS_F_X,
	L4RE_RM_F_RX = L4RE_DS_F_RX,
	L4RE_RM_F_RW = L4RE_DS_F_RW,
	L4RE_RM_F_RWX = L4RE_DS_F_RWX,

	L4RE_RM_F_NO_ALIAS = 0x200,
	L4RE_RM_F_PAGER = 0x400,
	L4RE_RM_F_RESERVED = 0x800,

	L4RE_RM_CACHING_SHIFT = 4,
	L4RE_RM_F_CACHING = L4RE_DS_F_CACHING_MASK,
	L4RE_RM_REGION_FLAGS = 0xffff,

	L4RE_RM_F_CACHE_NORMAL = L4RE_DS_F_NORMAL,
	L4RE_RM_F_CACHE_BUFFERED = L4RE_DS_F_BUFFERABLE,
	L4RE_RM_F_CACHE_UNCACHED = L4RE_DS_F_UNCACHEABLE,

	L4RE_RM_F_SEARCH_ADDR = 0x20000, /* pick a free address (else *start is fixed) */
	L4RE_RM_F_IN_AREA = 0x40000,	 /* (L4ReC) not supported: -L4_ENOSYS */
	L4RE_RM_F_EAGER_MAP = 0x80000,	 /* (L4ReC) accepted; pages still come on fault */
	L4RE_RM_F_ATTACH_FLAGS = 0xf0000,
};

typedef l4_uint32_t l4re_rm_flags_t;
typedef l4_uint64_t l4re_rm_offset_t;

/*
 * Attach size bytes of mem from offs at *start (L4RE_RM_F_SEARCH_ADDR: at
 * a free address at or above *start aligned to 2^align, align at least
 * L4_PAGESHIFT).  *start receives the address.  0, -L4_EADDRNOTAVAIL (no
 * room / overlap), -L4_EINVAL (bad size/offset/rights, unknown dataspace),
 * -L4_EPERM (more rights than the dataspace capability has), -L4_ENOMEM.
 */
int l4re_rm_attach_srv(l4_cap_idx_t rm, void **start, unsigned long size, l4re_rm_flags_t flags,
		       l4re_ds_t mem, l4re_rm_offset_t offs, unsigned char align);

/* Detach the region containing addr; *ds (if ds) gets its dataspace. 0 / -L4_ENOENT. */
int l4re_rm_detach_srv(l4_cap_idx_t rm, l4_addr_t addr, l4re_ds_t *ds, l4_cap_idx_t task);

/*
 * The region containing [*addr, *addr + *size): its start, size, offset
 * into the dataspace, flags and dataspace.  0 / -L4_ENOENT.
 */
int l4re_rm_find_srv(l4_cap_idx_t rm, l4_addr_t *addr, unsigned long *size,
		     l4re_rm_offset_t *offset, l4re_rm_flags_t *flags, l4re_ds_t *m);

/* Reserve an area (no dataspace, blocks the range for attach). */
int l4re_rm_reserve_area_srv(l4_cap_idx_t rm, l4_addr_t *start, unsigned long size,
			     l4re_rm_flags_t flags, unsigned char align);
int l4re_rm_free_area_srv(l4_cap_idx_t rm, l4_addr_t addr);

/* (L4ReC) Prints nothing: moe has no dump yet. */
void l4re_rm_show_lists_srv(l4_cap_idx_t rm);

L4_INLINE int l4re_rm_reserve_area(l4_addr_t *start, unsigned long size, l4re_rm_flags_t flags,
				   unsigned char align)
{
	return l4re_rm_reserve_area_srv(l4re_global_env->rm, start, size, flags, align);
}

L4_INLINE int l4re_rm_free_area(l4_addr_t addr)
{
	return l4re_rm_free_area_srv(l4re_global_env->rm, addr);
}

L4_INLINE int l4re_rm_attach(void **start, unsigned long size, l4re_rm_flags_t flags, l4re_ds_t mem,
			     l4re_rm_offset_t offs, unsigned char align)
{
	return l4re_rm_attach_srv(l4re_global_env->rm, start, size, flags, mem, offs, align);
}

L4_INLINE int l4re_rm_detach(void *addr)
{
	return l4re_rm_detach_srv(l4re_global_env->rm, (l4_addr_t)addr, 0, L4_BASE_TASK_CAP);
}

L4_INLINE int l4re_rm_detach_unmap(l4_addr_t addr, l4_cap_idx_t task)
{
	return l4re_rm_detach_srv(l4re_global_env->rm, addr, 0, task);
}

L4_INLINE int l4re_rm_detach_ds(void *addr, l4re_ds_t *ds)
{
	return l4re_rm_detach_srv(l4re_global_env->rm, (l4_addr_t)addr, ds, L4_BASE_TASK_CAP);
}

L4_INLINE int l4re_rm_detach_ds_unmap(void *addr, l4re_ds_t *ds, l4_cap_idx_t task)
{
	return l4re_rm_detach_srv(l4re_global_env->rm, (l4_addr_t)addr, ds, task);
}

L4_INLINE int l4re_rm_find(l4_addr_t *addr, unsigned long *size, l4re_rm_offset_t *offset,
			   l4re_rm_flags_t *flags, l4re_ds_t *m)
{
	return l4re_rm_find_srv(l4re_global_env->rm, addr, size, offset, flags, m);
}

L4_INLINE void l4re_rm_show_lists(void)
{
	l4re_rm_show_lists_srv(l4re_global_env->rm);
}

EXTERN_C_END

#endif /* L4_RE_C_RM_H */
