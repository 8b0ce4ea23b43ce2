// SPDX-License-Identifier: MIT
/*
 * The memory functions the compiler may call.  With the MMU off all data
 * accesses are Device accesses, which must be aligned: copy 8 bytes at a
 * time only when both sides are 8-byte aligned.
 */
#include "bootstrap.h"

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (!(((uintptr_t)d | (uintptr_t)s) & 7)) {
		for (; n >= 8; n -= 8, d += 8, s += 8)
			*(uint64_t *)(void *)d = *(const uint64_t *)(const void *)s;
	}
	while (n--)
		*d++ = *s++;
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	if (!c) {
		for (; n && ((uintptr_t)d & 7); n--)
			*d++ = 0;
		for (; n >= 8; n -= 8, d += 8)
			*(uint64_t *)(void *)d = 0;
	}
	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}
