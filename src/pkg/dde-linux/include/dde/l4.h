/* SPDX-License-Identifier: MIT */
/*
 * The seam between the two halves of dde-linux.  The Linux half (linux/,
 * compiled per driver with the driver's kbuild flags against the Linux
 * headers) implements the Linux kernel functions drivers call; it reaches
 * L4ReC only through these functions, which the L4 half (l4/, compiled
 * with our flags against l4re-libc) provides.  The other direction, the
 * server asking the Linux half for work, is at the end.
 *
 * Both sides include this file, so it uses no header at all: only
 * built-in C types (the Linux side is built -nostdinc, the L4 side with
 * musl; neither may see the other's typedefs).
 */
#ifndef DDE_L4_H
#define DDE_L4_H

/* ---- provided by the L4 half ---- */

/* Memory, zero-filled, aligned to align (a power of two); NULL when out. */
void *dde_l4_alloc(unsigned long size, unsigned long align);
void dde_l4_free(void *p);

/* One chunk of console output (the program's log); no newline added. */
void dde_l4_write(const char *text, unsigned long len);

/* Stops the server for good (exit status status); never returns. */
void dde_l4_stop(int status) __attribute__((noreturn));

/*
 * Device memory [phys, phys + size) mapped uncached; *virt is the address
 * of phys.  0 or a negative L4_E* code (no device access, refused).
 */
int dde_l4_iomem_map(unsigned long phys, unsigned long size, void **virt);

/*
 * Interrupt line irq (a GIC INTID) delivered to handler(arg), called by
 * the server loop with the interrupt lock held.  0 or negative L4_E*.
 */
int dde_l4_irq_attach(unsigned irq, void (*handler)(unsigned irq, void *arg), void *arg);
void dde_l4_irq_detach(unsigned irq);

/*
 * The "CPU interrupt enable" of Linux (local_irq_save and the _irqsave
 * locks): held, no interrupt handler runs.  Recursive.
 */
void dde_l4_irq_lock(void);
void dde_l4_irq_unlock(void);

/* Microseconds since boot (the KIP clock). */
unsigned long long dde_l4_clock_us(void);

/* Lets other threads run (spin loops). */
void dde_l4_yield(void);

/*
 * Physically contiguous, pinned memory for DMA: a dataspace of its own
 * from moe (page granularity, zero-filled), mapped cached; *phys is the
 * physical address of the first byte.  NULL when out of memory.
 */
void *dde_l4_dma_alloc(unsigned long size, unsigned long long *phys);
void dde_l4_dma_free(void *virt);

/*
 * Physical address of virt (any memory of the program backed by a
 * dataspace: heap, DMA memory, static data) and how many bytes are
 * physically contiguous from there.  0 or a negative L4_E* code.
 */
int dde_l4_virt_to_phys(const void *virt, unsigned long long *phys, unsigned long *contig);

/* A new thread running fn(arg); 0 or a negative L4_E* code. */
int dde_l4_thread_start(const char *name, void (*fn)(void *arg), void *arg);

/* Blocks the calling thread for us microseconds (an IPC timeout). */
void dde_l4_sleep_us(unsigned long long us);

/*
 * Sleeping and waking (Linux's schedule() and try_to_wake_up()): one
 * wake-up counter for the program.  dde_l4_wait_prepare() notes it for
 * the calling thread; dde_l4_wait() returns at once if a wake-up came
 * since, else sleeps until one comes (0) or timeout_us pass (1; ~0ULL:
 * never).  dde_l4_wake_all() wakes every waiting thread; each one
 * rechecks its own condition (Linux's wait loops always do).
 */
void dde_l4_wait_prepare(void);
int dde_l4_wait(unsigned long long timeout_us);
void dde_l4_wake_all(void);

/* ---- provided by the Linux half (called by the server) ---- */

/* One device of the AMBA bus, from the configuration. */
struct dde_amba_dev_cfg {
	const char *name; /* device name part: "pl031" -> "9010000.pl031" */
	unsigned long base;
	unsigned long size;
	unsigned irq; /* GIC INTID, 0: none */
};

/* Registers a device before dde_linux_init(); 0 or negative L4_E*. */
int dde_linux_add_amba_device(const struct dde_amba_dev_cfg *cfg);

/*
 * Starts the tick thread (jiffies, timers), then runs the initcalls in
 * Linux order (driver registration, which probes the configured
 * devices).  Returns the number of devices bound to a driver, or a
 * negative L4_E* code.
 */
int dde_linux_init(void);

/*
 * Timers: the tick thread (started by dde_linux_init()) calls this every
 * jiffy; it advances jiffies and runs the expired timer_list callbacks.
 */
void dde_linux_timer_tick(void);

/* RTC class: the registered RTC, seconds since 1970 (UTC). */
int dde_linux_rtc_read(long long *seconds);
int dde_linux_rtc_set(long long seconds);
/* Alarm interrupts seen through rtc_update_irq() since start. */
unsigned long dde_linux_rtc_irq_count(void);
/* Bit 0: the RTC supports alarms (RTC_FEATURE_ALARM). */
unsigned long dde_linux_rtc_features(void);

#endif
