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
 * Runs the initcalls in Linux order (driver registration, which probes
 * the configured devices).  Returns the number of devices bound to a
 * driver, or a negative L4_E* code.
 */
int dde_linux_init(void);

/* RTC class: the registered RTC, seconds since 1970 (UTC). */
int dde_linux_rtc_read(long long *seconds);
int dde_linux_rtc_set(long long seconds);
/* Alarm interrupts seen through rtc_update_irq() since start. */
unsigned long dde_linux_rtc_irq_count(void);
/* Bit 0: the RTC supports alarms (RTC_FEATURE_ALARM). */
unsigned long dde_linux_rtc_features(void);

#endif
