// SPDX-License-Identifier: MIT
/*
 * memcpy, memmove, memset, memcmp.  Word-sized loops when both pointers
 * allow it, bytes otherwise: fast enough for loaders and message copies,
 * small enough to read at a glance.  Built with
 * -fno-tree-loop-distribute-patterns so gcc does not turn these loops back
 * into calls to themselves.
 */
#include <l4/util/string.h>

#include <stdint.h>

typedef uint64_t __attribute__((may_alias)) word_t;

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if ((((uintptr_t)d | (uintptr_t)s) & 7) == 0) {
		for (; n >= 8; n -= 8, d += 8, s += 8)
			*(word_t *)d = *(const word_t *)s;
	}
	while (n--)
		*d++ = *s++;
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	/* Overlap with dst above src: copy backwards. */
	while (n--)
		d[n] = s[n];
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	if (((uintptr_t)d & 7) == 0) {
		uint64_t w = (unsigned char)c * 0x0101010101010101ULL;

		for (; n >= 8; n -= 8, d += 8)
			*(word_t *)d = w;
	}
	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++) {
		if (*x != *y)
			return *x - *y;
	}
	return 0;
}
