/* SPDX-License-Identifier: MIT */
/* The few string functions the kernel needs (gcc may also emit calls to them). */
#ifndef KERNEL_KSTRING_H
#define KERNEL_KSTRING_H

#include <types.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);

#endif
