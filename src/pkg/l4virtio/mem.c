// SPDX-License-Identifier: MIT
/*
 * The driver's registered memory: dataspaces it handed over with the
 * driver-side address range each stands for, attached in the server, and
 * the translation of driver addresses that every ring and descriptor
 * access goes through.
 */
#include <l4/re/c/dataspace.h>
#include <l4/re/c/rm.h>
#include <l4/re/c/util/cap_alloc.h>
#include <l4/sys/err.h>

#include "dev_internal.h"

/* Largest single region: keeps base + size and the attach within reason. */
#define MAX_REGION (1ull << 36)

long l4virtio_dev_add_region(struct l4virtio_dev *d, l4_cap_idx_t ds, l4_uint64_t base,
			     l4_uint64_t offset, l4_uint64_t size)
{
	struct l4virtio_dev_region *m;
	l4re_ds_stats_t st;
	void *va = 0;
	long err;

	if (d->nmem >= L4VIRTIO_DEV_MAX_REGIONS)
		return -L4_ENOMEM;
	if (size == 0 || size > MAX_REGION || (offset & (L4_PAGESIZE - 1)) ||
	    (size & (L4_PAGESIZE - 1)) || base + size < base)
		return -L4_EINVAL;
	/* The dataspace must really hold [offset, offset + size) and be writable. */
	err = l4re_ds_info(ds, &st);
	if (err < 0)
		return -L4_EINVAL;
	if (offset > st.size || size > st.size - offset)
		return -L4_ERANGE;
	if ((st.flags & L4RE_DS_F_RW) != L4RE_DS_F_RW)
		return -L4_EPERM;
	for (unsigned i = 0; i < d->nmem; i++) {
		struct l4virtio_dev_region *o = &d->mem[i];

		if (base < o->base + o->size && o->base < base + size)
			return -L4_EEXIST; /* overlapping driver ranges: ambiguous */
	}
	err = l4re_rm_attach(&va, size, L4RE_RM_F_SEARCH_ADDR | L4RE_RM_F_RW, ds, offset,
			     L4_PAGESHIFT);
	if (err < 0)
		return err;
	m = &d->mem[d->nmem++];
	m->base = base;
	m->size = size;
	m->ds = ds;
	m->local = va;
	return 0;
}

void l4virtio_dev_drop_regions(struct l4virtio_dev *d)
{
	for (unsigned i = 0; i < d->nmem; i++) {
		l4re_rm_detach(d->mem[i].local);
		l4re_util_cap_free_um(d->mem[i].ds);
	}
	d->nmem = 0;
}

void *l4virtio_dev_translate(struct l4virtio_dev *d, l4_uint64_t addr, l4_uint64_t len)
{
	for (unsigned i = 0; i < d->nmem; i++) {
		struct l4virtio_dev_region *m = &d->mem[i];

		/* Written so that nothing overflows: addr - base < size, len <= rest. */
		if (addr >= m->base && addr - m->base < m->size &&
		    len <= m->size - (addr - m->base))
			return m->local + (addr - m->base);
	}
	return 0;
}
