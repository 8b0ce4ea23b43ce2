// SPDX-License-Identifier: MIT
/* Cases on the KIP, the log (vcon) and the scheduler object. */
#include "ktest.h"

#include <l4/sys/ipc.h>
#include <l4/sys/scheduler.h>
#include <l4/sys/vcon.h>

static const char *kip_magic(void)
{
	const l4_kernel_info_t *k = l4_kip();

	KT_CHECK(k->magic == L4_KERNEL_INFO_MAGIC, "magic %#lx", (unsigned long)k->magic);
	KT_CHECK(l4_kip_version(k) == L4_KIP_VERSION_FIASCO, "version %#lx",
		 (unsigned long)k->version);
	KT_CHECK(k->l4rec_abi_version == 1, "abi version %lu", (unsigned long)k->l4rec_abi_version);
	KT_CHECK(k->user_ptr != 0, "no bootinfo pointer");
	return NULL;
}

static const char *kip_clock(void)
{
	const l4_kernel_info_t *k = l4_kip();
	uint64_t c0 = k->clock, u0 = kt_now_us(), u1;

	KT_CHECK(k->l4rec_timer_freq != 0, "timer frequency 0");
	kt_sleep_ms(30);
	u1 = kt_now_us();
	KT_CHECK(u1 > u0, "l4_kip_clock does not advance (%lu -> %lu)", (unsigned long)u0,
		 (unsigned long)u1);
	KT_CHECK(k->clock > c0, "kip->clock not updated by ticks (%lu -> %lu)", (unsigned long)c0,
		 (unsigned long)k->clock);
	return NULL;
}

static const char *vcon_write(void)
{
	static const char msg[] = "(ktest vcon write check)\n";
	long n = l4_vcon_write(L4_BASE_LOG_CAP, msg, sizeof(msg) - 1);

	KT_CHECK(n == (long)sizeof(msg) - 1, "l4_vcon_write returned %ld", n);
	return NULL;
}

static const char *vcon_attr(void)
{
	l4_vcon_attr_t a = { 0, 0, 0 };
	long err = l4_error(l4_vcon_get_attr(L4_BASE_LOG_CAP, &a));

	KT_CHECK(err == 0, "get_attr: %ld", err);
	err = l4_error(l4_vcon_set_attr(L4_BASE_LOG_CAP, &a));
	KT_CHECK(err == 0, "set_attr: %ld", err);
	return NULL;
}

static const char *sched_info(void)
{
	l4_sched_cpu_set_t cs = l4_sched_cpu_set(0, 0, 0);
	l4_umword_t max = 0, classes = 0;
	long err = l4_error(
		l4_scheduler_info_with_classes(L4_BASE_SCHEDULER_CAP, &max, &cs, &classes));

	KT_CHECK(err == 0, "info: %ld", err);
	KT_CHECK(cs.map & 1, "CPU 0 not online (map %#lx)", cs.map);
	KT_CHECK(max >= 1, "max cpus %lu", max);
	KT_CHECK(l4_scheduler_is_online(L4_BASE_SCHEDULER_CAP, 0), "is_online(0) false");
	return NULL;
}

static const char *sched_idle_time(void)
{
	l4_sched_cpu_set_t cs = l4_sched_cpu_set(0, 0, 1);
	l4_kernel_clock_t t0 = 0, t1 = 0;
	long err = l4_error(l4_scheduler_idle_time(L4_BASE_SCHEDULER_CAP, &cs, &t0));

	KT_CHECK(err == 0, "idle_time: %ld", err);
	kt_sleep_ms(20);
	err = l4_error(l4_scheduler_idle_time(L4_BASE_SCHEDULER_CAP, &cs, &t1));
	KT_CHECK(err == 0, "idle_time: %ld", err);
	KT_CHECK(t1 >= t0, "idle time went backwards");
	return NULL;
}

static const char *sched_bad_prio(void)
{
	l4_cap_idx_t th = kt_thread_local_unstarted();
	l4_sched_param_t sp = l4_sched_param(300, 0);
	long err;

	KT_CHECK(th, "thread setup failed (%ld)", kt_err);
	err = l4_error(l4_scheduler_run_thread(L4_BASE_SCHEDULER_CAP, th, &sp));
	KT_CHECK(err == -L4_EINVAL, "prio 300: %ld, expected %d", err, -L4_EINVAL);
	return NULL;
}

const struct kt_case kt_basic_cases[] = {
	{ "kip_magic", kip_magic },	      { "kip_clock", kip_clock },
	{ "vcon_write", vcon_write },	      { "vcon_attr", vcon_attr },
	{ "sched_info", sched_info },	      { "sched_idle_time", sched_idle_time },
	{ "sched_bad_prio", sched_bad_prio }, { NULL, NULL },
};
