// SPDX-License-Identifier: MIT
/*
 * Memory a device may reach: DMA buffers and the physical address of any
 * memory of the program.  A DMA buffer is a dataspace of its own from
 * moe, continuous and pinned (moe's dataspaces are always both, the
 * flags say what a driver relies on), attached at a page boundary; its
 * physical address comes from the dataspace (l4re_ds_phys).  The
 * physical address of other memory (kmalloc's heap, a driver's static
 * buffer) is found the same way: the region map names the dataspace and
 * the offset behind the address.
 */
#define _DEFAULT_SOURCE
#include <stdio.h>

#include <l4/re/c/dataspace.h>
#include <l4/re/c/mem_alloc.h>
#include <l4/re/c/rm.h>
#include <l4/re/c/util/cap_alloc.h>
#include <l4/sys/consts.h>
#include <l4/sys/err.h>

#include <dde/l4.h>

void *dde_l4_dma_alloc(unsigned long size, unsigned long long *phys)
{
	l4re_ds_t ds = l4re_util_cap_alloc();
	void *virt = 0;
	l4_addr_t pa;
	l4_size_t contig;

	if (l4_is_invalid_cap(ds))
		return 0;
	size = l4_round_page(size ? size : 1);
	if (l4re_ma_alloc_align((long)size, ds, L4RE_MA_CONTINUOUS | L4RE_MA_PINNED, L4_PAGESHIFT) <
	    0)
		goto free_cap;
	if (l4re_rm_attach(&virt, size, L4RE_RM_F_SEARCH_ADDR | L4RE_RM_F_RW, ds, 0, L4_PAGESHIFT) <
	    0)
		goto free_ds;
	/* A device sees the buffer as one range: anything less is unusable. */
	if (l4re_ds_phys(ds, 0, &pa, &contig) < 0 || contig < size)
		goto detach;
	*phys = pa;
	return virt;

detach:
	l4re_rm_detach(virt);
free_ds:
	l4re_ma_free(ds);
free_cap:
	l4re_util_cap_free(ds);
	return 0;
}

void dde_l4_dma_free(void *virt)
{
	l4re_ds_t ds = L4_INVALID_CAP;
	l4_addr_t start = (l4_addr_t)virt;
	unsigned long size = 1;

	if (!virt)
		return;
	/* Detaching from inside a buffer would drop all of it: only its start frees. */
	if (l4re_rm_find(&start, &size, 0, 0, 0) < 0 || start != (l4_addr_t)virt) {
		printf("dde: DMA free of %p: not the start of a DMA buffer; kept\n", virt);
		return;
	}
	if (l4re_rm_detach_ds(virt, &ds) < 0 || l4_is_invalid_cap(ds))
		return;
	l4re_ma_free(ds);
	l4re_util_cap_free(ds);
}

int dde_l4_virt_to_phys(const void *virt, unsigned long long *phys, unsigned long *contig)
{
	l4_addr_t start = (l4_addr_t)virt, pa;
	unsigned long size = 1;
	l4re_rm_offset_t offset;
	l4re_ds_t ds;
	l4_size_t ds_contig;
	int err;

	err = l4re_rm_find(&start, &size, &offset, 0, &ds);
	if (err < 0)
		return err;
	offset += (l4_addr_t)virt - start;
	err = l4re_ds_phys(ds, offset, &pa, &ds_contig);
	if (err < 0)
		return err;
	/* Contiguous within the dataspace, and only as far as this region maps it. */
	*phys = pa;
	*contig = ds_contig < start + size - (l4_addr_t)virt ? ds_contig :
							       start + size - (l4_addr_t)virt;
	return 0;
}
