// SPDX-License-Identifier: MIT
/*
 * ipcbench: 100 000 call/reply round trips between two threads of one
 * task, then between two tasks (the server thread in a second task that
 * shares ipcbench's image), timed with CNTVCT_EL0.  Under QEMU with
 * -icount shift=0 a guest instruction takes 1 ns of virtual time, so
 * instructions = ticks * 1e9 / CNTFRQ_EL0; both numbers are printed, per
 * round trip.  Ends QEMU through the debugger object.
 */
#include <stdint.h>

#include <l4/sys/debugger.h>
#include <l4/sys/factory.h>
#include <l4/sys/ipc.h>
#include <l4/sys/scheduler.h>
#include <l4/sys/task.h>
#include <l4/sys/thread.h>
#include <l4/util/exit.h>
#include <l4/util/printf.h>

#define ROUNDS 100000UL
#define SRV_TASK (0x40UL << L4_CAP_SHIFT)
#define SRV_THREAD (0x41UL << L4_CAP_SHIFT)
#define SRV_GATE (0x42UL << L4_CAP_SHIFT)
#define SRV_THREAD2 (0x43UL << L4_CAP_SHIFT)
#define SRV_GATE2 (0x44UL << L4_CAP_SHIFT)
#define CHILD_UTCB 0x7f000000UL

extern char __executable_start[], _end[];

static unsigned char srv_stack[2][16384] __attribute__((aligned(16)));

static uint64_t ticks(void)
{
	uint64_t v;

	__asm__ __volatile__("isb; mrs %0, cntvct_el0" : "=r"(v)::"memory");
	return v;
}

/* Answers every call with an empty reply, forever. */
static void __attribute__((noreturn)) server(void)
{
	l4_umword_t label;

	l4_ipc_wait(l4_utcb(), &label, L4_IPC_NEVER);
	for (;;)
		l4_ipc_reply_and_wait(l4_utcb(), l4_msgtag(0, 0, 0, 0), &label, L4_IPC_NEVER);
}

static long start_server(l4_cap_idx_t task, l4_cap_idx_t th, l4_cap_idx_t gate, l4_addr_t utcb,
			 unsigned char *stack)
{
	l4_sched_param_t sp = l4_sched_param(254, 0);
	long e = l4_error(l4_factory_create_thread(L4_BASE_FACTORY_CAP, th));

	if (e < 0)
		return e;
	l4_thread_control_start();
	l4_thread_control_pager(L4_BASE_PAGER_CAP);
	l4_thread_control_bind((l4_utcb_t *)utcb, task);
	e = l4_error(l4_thread_control_commit(th));
	if (!e)
		e = l4_error(l4_thread_ex_regs(th, (l4_addr_t)server, (l4_addr_t)stack + 16384, 0));
	if (!e)
		e = l4_error(l4_scheduler_run_thread(L4_BASE_SCHEDULER_CAP, th, &sp));
	if (!e)
		e = l4_error(l4_factory_create_gate(L4_BASE_FACTORY_CAP, gate, th, 0x10));
	return e;
}

static long measure(const char *name, l4_cap_idx_t gate)
{
	uint64_t freq, t0, t1, insns;
	l4_msgtag_t tag;

	__asm__ __volatile__("mrs %0, cntfrq_el0" : "=r"(freq));
	/* Warm up: first calls fault in pages and caches. */
	for (int i = 0; i < 100; i++)
		l4_ipc_call(gate, l4_utcb(), l4_msgtag(0, 0, 0, 0), L4_IPC_NEVER);
	t0 = ticks();
	for (unsigned long i = 0; i < ROUNDS; i++) {
		tag = l4_ipc_call(gate, l4_utcb(), l4_msgtag(0, 0, 0, 0), L4_IPC_NEVER);
		if (l4_msgtag_has_error(tag)) {
			printf("bench: %s: IPC error %ld in round %lu\n", name, l4_error(tag), i);
			return -1;
		}
	}
	t1 = ticks();
	insns = (t1 - t0) * 1000000000ULL / freq / ROUNDS;
	printf("bench: %s_ticks %lu (CNTFRQ %lu Hz, %lu round trips)\n", name,
	       (unsigned long)(t1 - t0), (unsigned long)freq, ROUNDS);
	printf("bench: %s_insns %lu\n", name, (unsigned long)insns);
	return 0;
}

/* The second task gets ipcbench's whole image (server code and stack). */
static long make_task(void)
{
	l4_addr_t a = (l4_addr_t)__executable_start & L4_PAGEMASK;
	l4_addr_t end = l4_round_page((l4_addr_t)_end);
	long e = l4_error(l4_factory_create_task(L4_BASE_FACTORY_CAP, SRV_TASK,
						 l4_fpage(CHILD_UTCB, L4_PAGESHIFT, L4_FPAGE_RW)));

	/* Linker symbols of different objects: compare them as addresses. */
	for (l4_addr_t p = (l4_addr_t)__executable_start; p < (l4_addr_t)_end; p += L4_PAGESIZE)
		(void)*(volatile char *)p; /* present in our space, so mapping finds it */
	for (; !e && a < end; a += L4_PAGESIZE)
		e = l4_error(l4_task_map(SRV_TASK, L4_BASE_TASK_CAP,
					 l4_fpage(a, L4_PAGESHIFT, L4_FPAGE_RWX),
					 l4_map_control(a, 0, 0)));
	if (!e)
		e = l4_error(l4_task_map(SRV_TASK, L4_BASE_TASK_CAP,
					 l4_obj_fpage(L4_BASE_PAGER_CAP, 0, L4_CAP_FPAGE_RW),
					 l4_map_obj_control(L4_BASE_PAGER_CAP, 0)));
	return e;
}

int main(int argc, char **argv)
{
	l4_addr_t spare = ((l4_addr_t)l4_utcb() & L4_PAGEMASK) + L4_UTCB_OFFSET;
	long e;
	int status = 0;

	(void)argc;
	(void)argv;
	/* The boot ku_mem page holds 4 UTCBs: use one that is not ours. */
	if (spare == (l4_addr_t)l4_utcb())
		spare += L4_UTCB_OFFSET;
	e = start_server(L4_BASE_TASK_CAP, SRV_THREAD, SRV_GATE, spare, srv_stack[0]);
	if (e < 0 || measure("ipc_intra_task_roundtrip", SRV_GATE) < 0) {
		printf("bench: ipc_intra_task_roundtrip: setup failed (%ld)\n", e);
		status = 1;
	}
	e = make_task();
	if (!e)
		e = start_server(SRV_TASK, SRV_THREAD2, SRV_GATE2, CHILD_UTCB, srv_stack[1]);
	if (e < 0 || measure("ipc_inter_task_roundtrip", SRV_GATE2) < 0) {
		printf("bench: ipc_inter_task_roundtrip: setup failed (%ld)\n", e);
		status = 1;
	}
	l4util_log_flush();
	l4rec_debugger_exit(L4_BASE_DEBUGGER_CAP, status);
	exit(status);
}
