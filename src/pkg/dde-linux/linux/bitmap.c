// SPDX-License-Identifier: MIT
/*
 * Bitmap allocation (lib/bitmap.c); the searches are find_bit.c.
 */
#include <linux/bitmap.h>
#include <linux/slab.h>

unsigned long *bitmap_alloc(unsigned int nbits, gfp_t flags)
{
	return kmalloc_array(BITS_TO_LONGS(nbits), sizeof(unsigned long), flags);
}

unsigned long *bitmap_zalloc(unsigned int nbits, gfp_t flags)
{
	return bitmap_alloc(nbits, flags | __GFP_ZERO);
}

void bitmap_free(const unsigned long *bitmap)
{
	kfree(bitmap);
}
