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

/*
 * io's virtual bus: the capability "vbus" of the server (from the .cfg),
 * if any (docs/io.md).  Devices are indices 0 .. count - 1.
 */
struct dde_vbus_dev {
	char name[48];
	unsigned nr_mmio, nr_irq, virtio_id;
};
/* Devices on the bus; 0 without a vbus; negative L4_E*. */
int dde_l4_vbus_count(void);
int dde_l4_vbus_device(unsigned dev, struct dde_vbus_dev *out);
/* io's match syntax ("compatible=virtio,mmio#1") -> device index or -L4_ENODEV. */
int dde_l4_vbus_find(const char *match);
/*
 * Region n of device dev mapped uncached; *virt is the address of the
 * first register (*phys).  Later ioremap()s of the range return it.
 */
int dde_l4_vbus_mmio_map(unsigned dev, unsigned region, void **virt, unsigned long long *phys,
			 unsigned long long *size);
/*
 * Interrupt index of device dev: io's Irq for it, which request_irq()
 * of *intid then uses instead of binding at the ICU.
 */
int dde_l4_vbus_irq(unsigned dev, unsigned index, unsigned *intid);

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

/* ======== PCI (l4/vbus_pci.c: io's PCI operations on the "vbus" capability) ======== */

/* A PCI function on the bus (io's PCI_INFO; docs/io.md). */
struct dde_pci_info {
	unsigned short vendor, device, subsys_vendor, subsys_device;
	unsigned class_rev;	       /* class (base << 16 | sub << 8 | prog-if) << 8 | revision */
	unsigned char bus, devfn, pin; /* pin: 0 none, 1 INTA ... */
};

#define DDE_PCI_BAR_IO 1
#define DDE_PCI_BAR_64 2
#define DDE_PCI_BAR_PREFETCH 4

/* A BAR as io assigned it (io's PCI_BAR). */
struct dde_pci_bar {
	unsigned flags; /* DDE_PCI_BAR_*; 0: 32-bit memory */
	unsigned long long bus_addr, size;
	unsigned long long cpu_addr; /* memory: = bus address; IO: where the port window is */
};

/* Device dev of the vbus as a PCI function; -L4_ENODEV: not PCI (or no vbus). */
int dde_l4_pci_info(unsigned dev, struct dde_pci_info *out);
/* Config space, width 1, 2 or 4 bytes at an aligned offset below 4096. */
int dde_l4_pci_cfg_read(unsigned dev, unsigned off, unsigned width, unsigned *val);
/* -L4_EPERM for the BARs and the ROM BAR: io owns the address map. */
int dde_l4_pci_cfg_write(unsigned dev, unsigned off, unsigned width, unsigned val);
/* BAR bar (0..5); -L4_ERANGE: empty, or the upper half of a 64-bit BAR. */
int dde_l4_pci_bar(unsigned dev, unsigned bar, struct dde_pci_bar *out);

/* ======== network (l4/net_server.c <-> linux/net_*.c) ======== */

/* -- provided by the L4 half (the net class of the server) -- */

/*
 * A frame the driver received (netif_receive_skb/napi_gro_receive), the
 * Ethernet header first, len bytes; copied before this returns.  Called
 * in the server thread (NAPI polls run at its softirq point).
 */
void dde_l4_net_rx(const void *frame, unsigned len);

/*
 * Softirq work is pending (a NAPI poll was scheduled, a stopped transmit
 * queue woke, the carrier changed): makes the server thread run its
 * softirq point soon.  Callable from any thread.
 */
void dde_l4_net_raise(void);

/* -- provided by the Linux half (linux/net_device.c), called by the server -- */

/* The first registered net_device: opens it (ndo_open); 0 or negative L4_E*. */
int dde_linux_net_open(void);
/* Its name ("eth0") into name[size] and its MAC; 0 or -L4_ENODEV. */
int dde_linux_net_info(char *name, unsigned size, unsigned char mac[6]);
/* 1: the carrier is on (the driver saw the link up). */
int dde_linux_net_carrier(void);
/*
 * 1: the driver can take a frame now (running, present, carrier on, queue
 * not stopped; a frame it refused before is retried first).
 */
int dde_linux_net_tx_ready(void);

/* One piece of a frame to send, in the caller's memory. */
struct dde_net_seg {
	const void *addr;
	unsigned len;
};

/*
 * Sends the frame made of the segments (the first skip bytes left out:
 * the virtio-net header) through the driver (ndo_start_xmit); the data
 * is copied first.  0 taken (handed to the driver, or requeued when it
 * was busy), -L4_EINVAL bad length, -L4_ENOMEM, -L4_EBUSY not ready
 * (call dde_linux_net_tx_ready() first).
 */
int dde_linux_net_xmit(const struct dde_net_seg *segs, unsigned nseg, unsigned skip);

/*
 * The softirq point: runs the scheduled NAPI polls (one round each);
 * 1 if a poll is still scheduled (more work), 0 if none is.
 */
int dde_linux_net_poll(void);

/*
 * Block class: the first disk a driver added (device_add_disk()), and
 * requests on it.  A request's data is nseg pieces of memory of the
 * server (a client's shared memory, mapped); done() runs in the server
 * thread when the driver completed it, with 0 or a negative L4_E* code
 * (-L4_ENOSYS: the driver does not support the operation).
 */
struct dde_blk_info {
	char name[32];		    /* the disk's name ("vda") */
	unsigned long long sectors; /* 512-byte sectors */
	unsigned logical_block_size;
	unsigned max_segments;
	unsigned max_segment_size;
	int read_only, write_cache;
};
int dde_linux_blk_info(struct dde_blk_info *info);

enum dde_blk_op { DDE_BLK_READ, DDE_BLK_WRITE, DDE_BLK_FLUSH };

struct dde_blk_seg {
	void *addr;
	unsigned long len;
};

struct dde_blk_io {
	enum dde_blk_op op;
	unsigned long long sector;
	unsigned nseg;
	struct dde_blk_seg *seg;
	void (*done)(struct dde_blk_io *io, int err);
	struct dde_blk_io *next; /* the Linux half's, while the request waits */
};
/*
 * Queues io; done() is called later (never from inside this call).
 * 0, or -L4_EINVAL (bad request: nothing queued, done() not called).
 */
int dde_linux_blk_submit(struct dde_blk_io *io);
/* Feeds waiting requests to the driver; nonzero if there may be more to do. */
int dde_linux_blk_run(void);

#endif
