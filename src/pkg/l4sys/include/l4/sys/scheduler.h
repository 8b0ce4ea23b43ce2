/* SPDX-License-Identifier: MIT */
/*
 * Scheduler objects: start threads with a priority, time slice and CPU
 * affinity, and query CPUs. Calls with label L4_PROTO_SCHEDULER.
 */
#ifndef L4_SYS_SCHEDULER_H
#define L4_SYS_SCHEDULER_H

#include <l4/sys/types.h>
#include <l4/sys/utcb.h>
#include <l4/sys/ipc.h>

/*
 * A set of CPUs: bit n of map is CPU offset + (n << granularity).
 * gran_offset holds granularity in bits 24..31 and offset in bits 0..23.
 */
typedef struct l4_sched_cpu_set_t {
	l4_umword_t gran_offset;
	l4_umword_t map;
} l4_sched_cpu_set_t;

typedef struct l4_sched_param_t {
	l4_sched_cpu_set_t affinity;
	l4_umword_t prio;
	l4_umword_t quantum; /* microseconds; 0 = kernel default */
} l4_sched_param_t;

enum L4_scheduler_ops {
	L4_SCHEDULER_INFO_OP = 0UL,
	L4_SCHEDULER_RUN_THREAD_OP = 1UL,
	L4_SCHEDULER_IDLE_TIME_OP = 2UL,
};

L4_INLINE l4_sched_cpu_set_t l4_sched_cpu_set(l4_umword_t offset, unsigned char granularity,
					      l4_umword_t map)
{
	l4_sched_cpu_set_t cs;

	cs.gran_offset = ((l4_umword_t)granularity << 24) | offset;
	cs.map = map;
	return cs;
}

/* Affinity "all CPUs": granularity 255 makes bit 0 cover everything. */
L4_INLINE l4_sched_param_t l4_sched_param(unsigned prio, l4_umword_t quantum)
{
	l4_sched_param_t sp;

	sp.prio = prio;
	sp.quantum = quantum;
	sp.affinity = l4_sched_cpu_set(0, (unsigned char)~0U, 1);
	return sp;
}

L4_INLINE l4_msgtag_t l4_scheduler_info_u(l4_cap_idx_t scheduler, l4_umword_t *cpu_max,
					  l4_sched_cpu_set_t *cpus, l4_umword_t *sched_classes,
					  l4_utcb_t *utcb)
{
	l4_msg_regs_t *m = l4_utcb_mr_u(utcb);
	l4_msgtag_t res;

	m->mr[0] = L4_SCHEDULER_INFO_OP;
	m->mr[1] = cpus->gran_offset;
	res = l4_ipc_call(scheduler, utcb, l4_msgtag(L4_PROTO_SCHEDULER, 2, 0, 0), L4_IPC_NEVER);
	if (l4_msgtag_has_error(res))
		return res;
	cpus->map = m->mr[0];
	if (cpu_max)
		*cpu_max = m->mr[1];
	if (sched_classes)
		*sched_classes = m->mr[2];
	return res;
}

L4_INLINE l4_msgtag_t l4_scheduler_info(l4_cap_idx_t scheduler, l4_umword_t *cpu_max,
					l4_sched_cpu_set_t *cpus)
{
	return l4_scheduler_info_u(scheduler, cpu_max, cpus, NULL, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_scheduler_info_with_classes(l4_cap_idx_t scheduler, l4_umword_t *cpu_max,
						     l4_sched_cpu_set_t *cpus,
						     l4_umword_t *sched_classes)
{
	return l4_scheduler_info_u(scheduler, cpu_max, cpus, sched_classes, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_scheduler_run_thread_u(l4_cap_idx_t scheduler, l4_cap_idx_t thread,
						l4_sched_param_t const *sp, l4_utcb_t *utcb)
{
	l4_msg_regs_t *m = l4_utcb_mr_u(utcb);

	m->mr[0] = L4_SCHEDULER_RUN_THREAD_OP;
	m->mr[1] = sp->affinity.gran_offset;
	m->mr[2] = sp->affinity.map;
	m->mr[3] = sp->prio;
	m->mr[4] = sp->quantum;
	m->mr[5] = l4_map_obj_control(0, 0);
	m->mr[6] = l4_obj_fpage(thread, 0, L4_CAP_FPAGE_RWS).raw;
	return l4_ipc_call(scheduler, utcb, l4_msgtag(L4_PROTO_SCHEDULER, 5, 1, 0), L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_scheduler_run_thread(l4_cap_idx_t scheduler, l4_cap_idx_t thread,
					      l4_sched_param_t const *sp)
{
	return l4_scheduler_run_thread_u(scheduler, thread, sp, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_scheduler_idle_time_u(l4_cap_idx_t scheduler,
					       l4_sched_cpu_set_t const *cpus,
					       l4_kernel_clock_t *us, l4_utcb_t *utcb)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(utcb);
	l4_msgtag_t res;

	v->mr[0] = L4_SCHEDULER_IDLE_TIME_OP;
	v->mr[1] = cpus->gran_offset;
	v->mr[2] = cpus->map;
	res = l4_ipc_call(scheduler, utcb, l4_msgtag(L4_PROTO_SCHEDULER, 3, 0, 0), L4_IPC_NEVER);
	if (l4_msgtag_has_error(res))
		return res;
	*us = v->mr64[l4_utcb_mr64_idx(0)];
	return res;
}

L4_INLINE l4_msgtag_t l4_scheduler_idle_time(l4_cap_idx_t scheduler, l4_sched_cpu_set_t const *cpus,
					     l4_kernel_clock_t *us)
{
	return l4_scheduler_idle_time_u(scheduler, cpus, us, l4_utcb());
}

L4_INLINE int l4_scheduler_is_online_u(l4_cap_idx_t scheduler, l4_umword_t cpu, l4_utcb_t *utcb)
{
	l4_sched_cpu_set_t s;
	l4_msgtag_t r;

	s.gran_offset = cpu;
	s.map = 0;
	r = l4_scheduler_info_u(scheduler, NULL, &s, NULL, utcb);
	if (l4_msgtag_has_error(r) || l4_msgtag_label(r) < 0)
		return 0;
	return (int)(s.map & 1);
}

L4_INLINE int l4_scheduler_is_online(l4_cap_idx_t scheduler, l4_umword_t cpu)
{
	return l4_scheduler_is_online_u(scheduler, cpu, l4_utcb());
}

#endif /* L4_SYS_SCHEDULER_H */
