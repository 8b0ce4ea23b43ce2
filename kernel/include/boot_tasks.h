/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_BOOT_TASKS_H
#define KERNEL_BOOT_TASKS_H

struct bootinfo;

/* Create sigma0 and the root task with their initial capabilities (docs/abi.md §12). */
void boot_tasks_create(const struct bootinfo *bi);

#endif
