// SPDX-License-Identifier: MIT
/*
 * The out-of-line bit searches behind find_next_bit(), for_each_set_bit()
 * and friends (<linux/find.h>), for bitmaps larger than a word.  Each
 * returns the index of the bit found, or nbits when there is none.
 */
#include <linux/bitmap.h>
#include <linux/minmax.h>

/* The next bit at or after start of (a & b) ^ invert; b NULL: just a. */
static unsigned long next_bit(const unsigned long *a, const unsigned long *b, unsigned long nbits,
			      unsigned long start, unsigned long invert)
{
	unsigned long word;

	if (start >= nbits)
		return nbits;
	word = (a[start / BITS_PER_LONG] & (b ? b[start / BITS_PER_LONG] : ~0UL)) ^ invert;
	word &= ~0UL << (start % BITS_PER_LONG);
	start -= start % BITS_PER_LONG;
	while (!word) {
		start += BITS_PER_LONG;
		if (start >= nbits)
			return nbits;
		word = (a[start / BITS_PER_LONG] & (b ? b[start / BITS_PER_LONG] : ~0UL)) ^ invert;
	}
	return min(start + __ffs(word), nbits);
}

unsigned long _find_next_bit(const unsigned long *addr, unsigned long nbits, unsigned long start)
{
	return next_bit(addr, NULL, nbits, start, 0);
}

unsigned long _find_next_and_bit(const unsigned long *addr1, const unsigned long *addr2,
				 unsigned long nbits, unsigned long start)
{
	return next_bit(addr1, addr2, nbits, start, 0);
}

unsigned long _find_next_zero_bit(const unsigned long *addr, unsigned long nbits,
				  unsigned long start)
{
	return next_bit(addr, NULL, nbits, start, ~0UL);
}

unsigned long _find_first_bit(const unsigned long *addr, unsigned long size)
{
	return next_bit(addr, NULL, size, 0, 0);
}

unsigned long _find_first_and_bit(const unsigned long *addr1, const unsigned long *addr2,
				  unsigned long size)
{
	return next_bit(addr1, addr2, size, 0, 0);
}

unsigned long _find_first_zero_bit(const unsigned long *addr, unsigned long size)
{
	return next_bit(addr, NULL, size, 0, ~0UL);
}

unsigned long _find_last_bit(const unsigned long *addr, unsigned long size)
{
	unsigned long i = size;

	while (i--) {
		if (test_bit(i, addr))
			return i;
	}
	return size;
}
