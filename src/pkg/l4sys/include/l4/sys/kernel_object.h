/* SPDX-License-Identifier: MIT */
/*
 * Convenience umbrella: every kernel-object interface of the L4 API in one
 * include, for programs (and tests) that want them all.
 */
#ifndef L4_SYS_KERNEL_OBJECT_H
#define L4_SYS_KERNEL_OBJECT_H

#include <l4/sys/types.h>
#include <l4/sys/utcb.h>
#include <l4/sys/ipc.h>
#include <l4/sys/factory.h>
#include <l4/sys/task.h>
#include <l4/sys/thread.h>
#include <l4/sys/rcv_endpoint.h>
#include <l4/sys/ipc_gate.h>
#include <l4/sys/irq.h>
#include <l4/sys/icu.h>
#include <l4/sys/scheduler.h>
#include <l4/sys/vcon.h>

#endif /* L4_SYS_KERNEL_OBJECT_H */
