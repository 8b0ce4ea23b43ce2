/* SPDX-License-Identifier: MIT */
/*
 * io's internal interfaces.  io learns the devices from the device tree
 * (fdt_scan.c) into one table (devices.c), and serves objects named by its
 * configuration (config.c): virtual buses (vbus.c), device MMIO
 * dataspaces (iomem.c) and interrupts (irq.c).  Every object is an IPC
 * gate to io's one thread with label index << 4 (the low bits carry the
 * caller's rights, docs/abi.md §4.4).  Single-threaded: no locks.
 */
#ifndef IO_IO_H
#define IO_IO_H

#include <stdbool.h>
#include <stdint.h>

#include <l4/sys/types.h>
#include <l4/sys/utcb.h>

#define IO_MAX_DEVS 128
#define IO_MAX_REGS 6 /* a PCI function's six BARs */
#define IO_MAX_IRQS 4
#define IO_MAX_OBJS 256
#define IO_MAX_BUS_DEVS 32
#define IO_NAME_MAX 48
#define IO_ERR_MAX 120

struct io_reg {
	uint64_t phys, size; /* the registers, as the device tree says */
	l4_addr_t va;	     /* io's mapping of their page window, 0 until mapped */
	int vbus_ds;	     /* the dataspace object vbus clients share, 0 until asked */
};

struct io_irq {
	unsigned intid;	  /* GIC INTID */
	unsigned mode;	  /* L4_IRQ_F_* */
	l4_cap_idx_t cap; /* the Irq object bound to the line, invalid until bound */
};

/* A PCI function (pci.c): what its configuration space says, its BARs as assigned. */
struct io_pci_bar {
	unsigned flags;	   /* L4REC_VBUS_BAR_* */
	uint64_t bus_addr; /* PCI memory address or I/O port */
	uint64_t size;	   /* 0: empty, or the upper half of a 64-bit BAR */
	uint64_t cpu_addr;
};

struct io_pci {
	volatile uint8_t *cfg; /* its 4 KiB of ECAM in io's space; NULL: not PCI */
	uint8_t bus, devfn, pin;
	uint16_t vendor, device, subsys_vendor, subsys_device;
	uint32_t class_rev;
	struct io_pci_bar bars[IO_MAX_REGS];
};

struct io_dev {
	char name[IO_NAME_MAX]; /* node name (virtio_mmio@a003e00) or pci:BB:DD.F */
	int node;		/* offset in the device tree; -1 for PCI functions */
	unsigned nr_regs, nr_irqs;
	struct io_reg regs[IO_MAX_REGS];
	struct io_irq irqs[IO_MAX_IRQS];
	int virtio_id; /* virtio-mmio transports: device id read at first use, -1 unknown */
	struct io_pci pci;
};

enum io_obj_type {
	IO_OBJ_FREE = 0,
	IO_OBJ_BUS,
	IO_OBJ_DS,
};

struct io_obj {
	enum io_obj_type type;
	l4_cap_idx_t gate;
	union {
		struct {
			char name[16];
			unsigned n;
			int devs[IO_MAX_BUS_DEVS];
		} bus;
		struct {
			int dev, reg;
		} ds;
	};
};

/* devices.c: the device table and the object table. */
extern struct io_dev io_devs[IO_MAX_DEVS];
extern unsigned io_nr_devs;
extern const void *io_fdt;
extern l4_cap_idx_t io_sigma0, io_icu;
int io_obj_new(enum io_obj_type type, l4_cap_idx_t gate);
struct io_obj *io_obj(int obj);
int io_obj_by_label(l4_umword_t label);

/* fdt_scan.c: the device tree from the bootinfo, through sigma0. */
int io_fdt_map(void);
void io_fdt_scan(void);
/* A GIC interrupt specifier (type, number, flags); false if not an SPI/PPI. */
bool io_gic_irq(uint32_t type, uint32_t nr, uint32_t flags, struct io_irq *q);

/* pci.c: the PCI functions behind the host bridge, BARs assigned, INTx routed. */
void io_pci_scan(void);
uint32_t io_pci_cfg_read(const struct io_dev *d, unsigned off, unsigned width);
void io_pci_cfg_write(const struct io_dev *d, unsigned off, unsigned width, uint32_t val);

/* vbus_pci.c: the PCI ops of a virtual bus, for device dev. */
long io_vbus_pci_op(int dev, l4_umword_t op, unsigned words, l4_umword_t label, l4_msgtag_t *reply);

/* match.c: "name@unit", "pci:BB:DD.F", "compatible=<c>[#n]", "virtio=<id|name>[#n]", "pci=VVVV:DDDD[#n]". */
int io_match(const char *spec, const int *set, unsigned nset, char *err);
int io_virtio_id(int dev);

/* iomem.c: device registers mapped into io, served as dataspaces. */
bool io_reg_valid(int dev, unsigned reg);
int io_iomem_map(int dev, unsigned reg);
int io_iomem_ds(int dev, unsigned reg, l4_cap_idx_t gate);
bool io_ds_handle(int obj, l4_umword_t label, l4_msgtag_t tag, l4_msgtag_t *reply);

/* irq.c: device interrupts bound at the ICU to Irq objects. */
int io_irq_bind(int dev, unsigned idx, l4_cap_idx_t irq);
l4_cap_idx_t io_irq_get(int dev, unsigned idx, long *err);

/* vbus.c */
int io_bus_create(const char *name, l4_cap_idx_t gate);
int io_bus_add(int bus, int dev);
bool io_vbus_handle(int obj, l4_umword_t label, l4_msgtag_t tag, l4_msgtag_t *reply);

/* config.c: one configuration file; 0, or the number of errors reported. */
int io_config_load(const char *path);

#endif /* IO_IO_H */
