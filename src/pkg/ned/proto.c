// SPDX-License-Identifier: MIT
/*
 * L4.Proto: the protocol ids a script passes to Cap:create() and compares
 * with, under L4Re's names (kernel protocols from <l4/sys/types.h>, L4Re's
 * from <l4/re/protocols.h>).  Ipc_gate is 0: a factory asked for protocol
 * 0 makes an IPC gate.
 */
#include <lauxlib.h>

#include <l4/re/protocols.h>
#include <l4/sys/types.h>

#include "ned.h"

struct proto_id {
	char const *name;
	long id;
};

static const struct proto_id protos[] = {
	{ "Ipc_gate", 0 },
	{ "Irq", L4_PROTO_IRQ },
	{ "Page_fault", L4_PROTO_PAGE_FAULT },
	{ "Preemption", L4_PROTO_PREEMPTION },
	{ "Sys_exception", L4_PROTO_SYS_EXCEPTION },
	{ "Exception", L4_PROTO_EXCEPTION },
	{ "Sigma0", L4_PROTO_SIGMA0 },
	{ "Io_page_fault", L4_PROTO_IO_PAGE_FAULT },
	{ "Kobject", L4_PROTO_KOBJECT },
	{ "Task", L4_PROTO_TASK },
	{ "Thread", L4_PROTO_THREAD },
	{ "Log", L4_PROTO_LOG },
	{ "Scheduler", L4_PROTO_SCHEDULER },
	{ "Factory", L4_PROTO_FACTORY },
	{ "Vm", L4_PROTO_VM },
	{ "Dma_space", L4_PROTO_DMA_SPACE },
	{ "Irq_sender", L4_PROTO_IRQ_SENDER },
	{ "Irq_mux", L4_PROTO_IRQ_MUX },
	{ "Semaphore", L4_PROTO_SEMAPHORE },
	{ "Iommu", L4_PROTO_IOMMU },
	{ "Debugger", L4_PROTO_DEBUGGER },
	{ "Smccc", L4_PROTO_SMCCC },
	{ "Dataspace", L4RE_PROTO_DATASPACE },
	{ "Namespace", L4RE_PROTO_NAMESPACE },
	{ "Parent", L4RE_PROTO_PARENT },
	{ "Goos", L4RE_PROTO_GOOS },
	{ "Rm", L4RE_PROTO_RM },
	{ "Event", L4RE_PROTO_EVENT },
	{ "Inhibitor", L4RE_PROTO_INHIBITOR },
	{ "Mmio_space", L4RE_PROTO_MMIO_SPACE },
};

void ned_proto_push(lua_State *L)
{
	unsigned i;

	lua_createtable(L, 0, sizeof(protos) / sizeof(protos[0]));
	for (i = 0; i < sizeof(protos) / sizeof(protos[0]); ++i) {
		lua_pushinteger(L, protos[i].id);
		lua_setfield(L, -2, protos[i].name);
	}
}
