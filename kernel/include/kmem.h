/* SPDX-License-Identifier: MIT */
/*
 * The kernel memory pool: 4 KiB pages and small objects, both zeroed on
 * allocation.  The pool is carved out of RAM at boot; what user land asks the
 * kernel to create is charged to a factory quota on top (see factory.h).
 */
#ifndef KERNEL_KMEM_H
#define KERNEL_KMEM_H

#include <types.h>

void kmem_add_region(void *start, size_t size);
void *kmem_page_alloc(void);
void kmem_page_free(void *page);
void *kmem_alloc(size_t size);
void kmem_free(void *p, size_t size);
/* Bytes currently handed out (pages and objects), for leak checks. */
size_t kmem_in_use(void);
/* Keep *where equal to kmem_in_use() from now on. */
void kmem_export_in_use(volatile uint64_t *where);

#endif
