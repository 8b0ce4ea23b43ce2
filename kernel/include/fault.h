/* SPDX-License-Identifier: MIT */
/* User faults and exceptions become IPC to the thread's pager / exception handler. */
#ifndef KERNEL_FAULT_H
#define KERNEL_FAULT_H

#include <types.h>

struct thread;

void user_page_fault(struct thread *t, unsigned long far, bool write, bool exec, unsigned long esr);
void user_exception(struct thread *t, unsigned long esr, unsigned long far);

#endif
